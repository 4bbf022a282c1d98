using Kepu.Web.Features.Insights.Activity.Entities;
using Kepu.Web.Features.Insights.Dashboards.Population;
using Kepu.Web.Features.Regions;
using Kepu.Web.Features.Regions.Entities;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Insights.Activity.Demo;

/// <summary>
/// Demo activity in Development (or with Demo:Seed and Demo:Content): six months of plausible events across the 38
/// districts and six audience groups, made by about 1,600 invented people (ids <c>demo:…</c>, no accounts), so the
/// dashboards show computed numbers; then the aggregates are built from the log, as <c>insights rebuild</c> does. Two
/// remote districts have no event or caravan this month, so the coverage table shows a gap. Also the demo population.
/// </summary>
public sealed class ActivityDemo(AppDbContext db, IRegionDirectory regions, ReachRebuild rebuild, IConfiguration configuration, IHostEnvironment environment,
    TimeProvider clock)
{
    public const int Months = 6;
    private static readonly (string Code, double Weight)[] AudienceWeights =
        [("public", 35), ("youth", 20), ("elderly", 15), ("farmers", 15), ("workers", 10), ("officials", 5)];

    private static readonly string[] QuietThisMonth = ["500229", "500238"];

    public async Task SeedAsync(CancellationToken ct = default)
    {
        var wanted = (environment.IsDevelopment() || configuration.GetValue<bool>("Demo:Seed")) && configuration.GetValue("Demo:Content", true);
        if (!wanted || environment.IsProduction())
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (!await db.Set<DistrictPopulation>().AnyAsync(ct))
        {
            foreach (var (code, tenThousands) in DemoPopulation.TenThousands)
            {
                var row = new DistrictPopulation(code);
                row.Set((long)Math.Round(tenThousands * 10_000), DemoPopulation.Year, DemoPopulation.Source, "seed", now);
                db.Add(row);
            }

            await db.SaveChangesAsync(ct);
        }

        if (await db.Set<ActivityEvent>().AnyAsync(ct))
        {
            return;
        }

        var events = Generate(await regions.DistrictsAsync(ct), now, new Random(20260308));
        foreach (var chunk in events.Chunk(5000))
        {
            db.AddRange(chunk);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        await rebuild.RunAsync(ct);
    }

    internal static List<ActivityEvent> Generate(IReadOnlyList<DistrictInfo> districts, DateTime now, Random random)
    {
        var today = Display.BeijingDay(now);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var list = new List<ActivityEvent>();
        foreach (var d in districts)
        {
            var remote = d.Flags.Contains(DistrictFlag.Remote);
            var people = (int)Math.Max(12, DemoPopulation.TenThousands.GetValueOrDefault(d.Code, 50) / 2);
            var users = Enumerable.Range(1, people).Select(i => ($"demo:{d.Code}:{i:D4}", Audience(random))).ToList();
            for (var m = 0; m < Months; m++)
            {
                var month = thisMonth.AddMonths(m - (Months - 1));
                var days = m == Months - 1 ? today.Day : DateTime.DaysInMonth(month.Year, month.Month);
                DateTime At() => Display.FromBeijing(month.AddDays(random.Next(days)), new TimeOnly(random.Next(7, 22), random.Next(60)));
                var growth = 0.8 + (0.08 * m);
                foreach (var (id, audience) in users.Where(_ => random.NextDouble() < 0.45 * growth))
                {
                    for (var n = Poisson(random, 3); n > 0; n--)
                    {
                        list.Add(new ActivityEvent(ActivityKinds.View, At(), d.Code, audience, id, 1));
                    }

                    if (random.NextDouble() < (audience is "elderly" or "farmers" or "workers" ? 0.5 : 0.3))
                    {
                        list.Add(new ActivityEvent(ActivityKinds.Lesson, At(), d.Code, audience, id, random.Next(2, 7) * 5));
                    }

                    if (random.NextDouble() < 0.35)
                    {
                        list.Add(new ActivityEvent(ActivityKinds.Quiz, At(), d.Code, audience, id, 1));
                    }

                    if (random.NextDouble() < 0.2)
                    {
                        list.Add(new ActivityEvent(ActivityKinds.Check, At(), d.Code, audience, id, 1));
                    }
                }

                for (var n = Poisson(random, people / 6.0); n > 0; n--)
                {
                    list.Add(new ActivityEvent(ActivityKinds.Check, At(), "", "", null, 1)); // anonymous checks: no district known
                }

                var quiet = m == Months - 1 && QuietThisMonth.Contains(d.Code);
                for (var n = quiet ? 0 : Poisson(random, remote ? 1.2 : 2.5); n > 0; n--)
                {
                    var at = At();
                    var audience = Audience(random);
                    var attendance = random.Next(25, 160);
                    list.Add(new ActivityEvent(ActivityKinds.Event, at, d.Code, audience, null, 1));
                    list.Add(new ActivityEvent(ActivityKinds.Attendance, at, d.Code, audience, null, attendance));
                    foreach (var (id, own) in users.OrderBy(_ => random.Next()).Take(Math.Min(users.Count, attendance / 4)))
                    {
                        list.Add(new ActivityEvent(ActivityKinds.Registration, at.AddDays(-3), d.Code, own, id, 1));
                        if (random.NextDouble() < 0.8)
                        {
                            list.Add(new ActivityEvent(ActivityKinds.CheckIn, at, d.Code, own, id, 1));
                        }
                    }
                }

                if (remote && !quiet && random.NextDouble() < 0.6)
                {
                    list.Add(new ActivityEvent(ActivityKinds.Caravan, At(), d.Code, "", null, 1));
                }
            }
        }

        for (var m = 0; m < Months; m++)
        {
            var month = thisMonth.AddMonths(m - (Months - 1));
            for (var n = random.Next(6, 15); n > 0; n--)
            {
                list.Add(new ActivityEvent(ActivityKinds.Debunk, Display.FromBeijing(month.AddDays(random.Next(m == Months - 1 ? today.Day : 28)), new TimeOnly(10, 0)), "", "", null, 1));
            }
        }

        return [.. list.OrderBy(e => e.At)];
    }

    private static string Audience(Random random)
    {
        var x = random.NextDouble() * 100;
        foreach (var (code, weight) in AudienceWeights)
        {
            if ((x -= weight) < 0)
            {
                return code;
            }
        }

        return "public";
    }

    private static int Poisson(Random random, double mean)
    {
        // Knuth's method is fine for the small means used here; large means use the normal approximation.
        if (mean > 30)
        {
            return Math.Max(0, (int)Math.Round(mean + (Math.Sqrt(mean) * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()))));
        }

        var limit = Math.Exp(-mean);
        var k = 0;
        for (var p = random.NextDouble(); p > limit; p *= random.NextDouble())
        {
            k++;
        }

        return k;
    }
}
