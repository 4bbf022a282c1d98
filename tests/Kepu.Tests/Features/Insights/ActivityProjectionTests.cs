using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kepu.Tests.Infrastructure;
using Kepu.Web.Features.Insights.Activity;
using Kepu.Web.Features.Insights.Activity.Entities;
using Kepu.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kepu.Tests.Features.Insights;

/// <summary>
/// The activity log and its aggregates: real actions in other modules are counted, the incremental projector agrees with
/// a rebuild from the log over random events, a batch is never counted twice, and an id committed late is not lost.
/// </summary>
public sealed class ActivityProjectionTests(InsightsFixture factory) : IClassFixture<InsightsFixture>
{
    [Fact]
    public async Task ACheckAndAnEventRegistration_AreCountedAfterTheProjectorRuns()
    {
        await factory.ProjectAsync();
        var checks = await factory.AmountAsync(ActivityKinds.Check);
        var registrations = await factory.AmountAsync(ActivityKinds.Registration, "500242", "elderly");
        var active = await factory.AmountAsync(ActivityKinds.Active, "500242", "elderly");

        using var anonymous = factory.CreateClient();
        var check = await anonymous.PostAsJsonAsync("/api/v1/debunks/match", new { text = "喝隔夜开水会致癌吗" });
        Assert.Equal(HttpStatusCode.OK, check.StatusCode);

        using var district = await factory.ApiClientAsync("district");
        var created = await district.PostAsJsonAsync("/api/v1/events", new
        {
            kind = "lecture", title = "运行监测测试讲座", description = "识别电信诈骗的常见套路。", district = "500242", place = "桃花源街道文化活动中心",
            audiences = new[] { "elderly" }, startsAt = factory.BeijingAt(3, 9), endsAt = factory.BeijingAt(3, 11), capacity = 30,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var eventId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        using var citizen = await factory.ApiClientAsync(await factory.NewCitizenNameAsync("insight", "500242", "elderly"), ClockedFactory.Password);
        Assert.Equal(HttpStatusCode.Created, (await citizen.PostAsync($"/api/v1/events/{eventId}/registrations", null)).StatusCode);

        // Nothing is counted until the projector has read the log (a refused registration writes nothing either).
        Assert.Equal(HttpStatusCode.Conflict, (await citizen.PostAsync($"/api/v1/events/{eventId}/registrations", null)).StatusCode);
        await factory.ProjectAsync();
        Assert.Equal(checks + 1, await factory.AmountAsync(ActivityKinds.Check));
        Assert.Equal(registrations + 1, await factory.AmountAsync(ActivityKinds.Registration, "500242", "elderly"));
        Assert.Equal(active + 1, await factory.AmountAsync(ActivityKinds.Active, "500242", "elderly"));

        // The dashboard API shows it too.
        using var admin = await factory.ApiClientAsync("admin");
        var reach = await admin.GetFromJsonAsync<JsonElement>("/api/v1/insights/reach?groupBy=district");
        var row = reach.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("key").GetString() == "500242");
        Assert.True(row.GetProperty("values").GetProperty("registrations").GetDouble() >= 1);
        Assert.True(reach.GetProperty("total").GetProperty("values").GetProperty("checks").GetDouble() >= 1);
    }

    [Fact]
    public async Task TheProjector_AgreesWithARebuildFromTheLog_OverRandomEvents()
    {
        var random = new Random(8);
        string[] kinds = [.. ActivityKinds.Logged];
        string[] districts = ["500103", "500242", "500101", ""];
        string[] audiences = ["youth", "farmers", "elderly", ""];
        var start = factory.Clock.GetUtcNow().UtcDateTime;
        for (var round = 0; round < 6; round++)
        {
            await using (var scope = factory.Scope())
            {
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                for (var n = random.Next(1, 400); n > 0; n--)
                {
                    var user = random.Next(4) == 0 ? null : $"prop-user-{random.Next(60)}";
                    db.Add(new ActivityEvent(kinds[random.Next(kinds.Length)], start.AddDays(-random.Next(120)).AddHours(random.Next(24)),
                        districts[random.Next(districts.Length)], audiences[random.Next(audiences.Length)], user, random.Next(-3, 90)));
                }

                await db.SaveChangesAsync();
            }

            // Small, uneven batches: the result must not depend on where a batch ends.
            await factory.ProjectAsync(batchSize: random.Next(1, 97));
        }

        var projected = await factory.SnapshotAsync();
        Assert.NotEmpty(projected.Active);

        // Running it again adds nothing: every event is read once.
        await using (var scope = factory.Scope())
        {
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<ReachProjector>().ProjectBatchAsync());
        }

        var again = await factory.SnapshotAsync();
        Assert.Equal(projected.Counts, again.Counts);
        Assert.Equal(projected.Active, again.Active);

        await using (var scope = factory.Scope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<ReachRebuild>().RunAsync();
            Assert.True(result.Events > 0);
        }

        var rebuilt = await factory.SnapshotAsync();
        Assert.Equal(projected.Counts, rebuilt.Counts);
        Assert.Equal(projected.Active, rebuilt.Active);
    }

    [Fact]
    public async Task AnEventCommittedAfterALaterOne_IsStillCounted()
    {
        if (factory.Provider != "Postgres")
        {
            // SQLite has one writer at a time: ids are always committed in order.
            return;
        }

        await factory.ProjectAsync();
        var before = await factory.AmountAsync(ActivityKinds.Caravan, "500240");
        var at = factory.Clock.GetUtcNow().UtcDateTime;
        await using var slowScope = factory.Scope();
        var slow = slowScope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var transaction = await slow.Database.BeginTransactionAsync();
        slow.Add(new ActivityEvent(ActivityKinds.Caravan, at, "500240", "", null, 1));
        await slow.SaveChangesAsync(); // has an id, not yet committed

        await using (var scope = factory.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Add(new ActivityEvent(ActivityKinds.Caravan, at, "500240", "", null, 10));
            await db.SaveChangesAsync();
        }

        await factory.ProjectAsync();
        Assert.Equal(before + 10, await factory.AmountAsync(ActivityKinds.Caravan, "500240"));
        Assert.True(await factory.QueryAsync(db => db.Set<ProjectionGap>().AnyAsync()));

        await transaction.CommitAsync();
        await factory.ProjectAsync();
        Assert.Equal(before + 11, await factory.AmountAsync(ActivityKinds.Caravan, "500240"));
        Assert.False(await factory.QueryAsync(db => db.Set<ProjectionGap>().AnyAsync()));
    }
}
