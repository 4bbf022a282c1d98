using System.Text;
using Kepu.Tests.Features.Library;
using Kepu.Tests.Infrastructure;
using Kepu.Web.Features.Learning.Entities;
using Kepu.Web.Features.Outreach.Demo;
using Kepu.Web.Features.Outreach.People.Entities;
using Kepu.Web.Features.Outreach.Venues.Entities;
using Kepu.Web.Features.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kepu.Tests.Features.Outreach;

/// <summary>The outreach demo: venues in the central city and remote districts, volunteers with confirmed hours, and an envoy once towns exist.</summary>
public sealed class VenuesDemoTests(DemoContentFactory factory) : IClassFixture<DemoContentFactory>
{
    [Fact]
    public async Task Demo_HasVenuesAcrossDistricts_VolunteerHoursOnTheLedger_AndAnEnvoyOnceTownsAreImported()
    {
        var venues = await factory.QueryAsync(db => db.Set<Venue>().ToListAsync());
        Assert.Equal(8, venues.Select(v => v.Kind).Distinct().Count());
        Assert.Contains(venues, v => v.DistrictCode == "500242");
        Assert.Contains(venues, v => v.DistrictCode == "500229");
        Assert.Equal(1, await factory.QueryAsync(db => db.Set<VenueBooking>().CountAsync()));
        Assert.Equal(1, await factory.QueryAsync(db => db.Set<OpenDay>().CountAsync()));

        var confirmed = await factory.QueryAsync(db => db.Set<VolunteerHours>().Where(h => h.State == HoursStates.Confirmed).ToListAsync());
        var only = Assert.Single(confirmed);
        Assert.True(await factory.QueryAsync(db => db.Set<ScienceActivity>().AnyAsync(a => a.Id == only.ActivityId && a.State == ActivityStates.Approved)));
        Assert.True(await factory.QueryAsync(db => db.Set<LedgerEntry>().AnyAsync(e => e.Sequence == only.LedgerSequence)));
        Assert.Equal(0, await factory.QueryAsync(db => db.Set<Envoy>().CountAsync()));

        // Towns imported later: the next start adds the envoy (and nothing twice).
        var lines = File.ReadLines(SharedData.Path("chongqing-towns.csv")).ToList();
        var csv = string.Join('\n', lines.Take(1).Concat(lines.Where(l => l.Contains(",500242,", StringComparison.Ordinal))));
        await using (var scope = factory.Scope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<ImportTowns>().HandleAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)))).Succeeded);
        }

        for (var i = 0; i < 2; i++)
        {
            await using var scope = factory.Scope();
            await scope.ServiceProvider.GetRequiredService<OutreachSeeder>().SeedAsync();
        }

        Assert.Equal(1, await factory.QueryAsync(db => db.Set<Envoy>().CountAsync()));
        Assert.Equal(3, await factory.QueryAsync(db => db.Set<ServiceLog>().CountAsync()));
        Assert.Equal(8, await factory.QueryAsync(db => db.Set<Venue>().CountAsync()));

        using var anonymous = factory.CreateClient();
        foreach (var path in new[] { "/venues", $"/venues/{venues[0].Id}", "/outreach/envoys?district=500242" })
        {
            Assert.Contains("科普重庆", await anonymous.GetStringAsync(path), StringComparison.Ordinal);
        }
    }
}
