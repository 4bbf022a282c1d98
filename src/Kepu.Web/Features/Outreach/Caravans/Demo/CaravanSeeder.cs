using Kepu.Web.Features.Outreach.Caravans.Entities;
using Kepu.Web.Features.Outreach.Caravans.Planning;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Outreach.Caravans.Demo;

/// <summary>
/// Demo caravans (with Demo:Seed, or in Development): two 科普大篷车 and one 流动科技馆 exhibition set. With demo content
/// (Demo:Content, on by default) also this quarter's plan for the remote districts, adopted, with the stops whose days
/// have come marked done, so the coverage page has something to show.
/// </summary>
public sealed class CaravanSeeder(AppDbContext db, CreateCaravanPlan create, IConfiguration configuration, IHostEnvironment environment, TimeProvider clock)
{
    public static readonly IReadOnlyList<(string Name, string Kind, string Home)> Units =
    [
        ("科普大篷车一号", CaravanKinds.Caravan, "500105"), // 重庆科技馆, 江北区
        ("科普大篷车二号", CaravanKinds.Caravan, "500101"), // 万州区
        ("流动科技馆展品 A 组", CaravanKinds.Exhibition, "500114"), // 黔江区
    ];

    public async Task SeedAsync(CancellationToken ct = default)
    {
        var wanted = environment.IsDevelopment() || configuration.GetValue<bool>("Demo:Seed");
        if (!wanted || environment.IsProduction() || await db.Set<CaravanUnit>().AnyAsync(ct))
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var units = Units.Select(u => new CaravanUnit(u.Name, u.Kind, u.Home, WorkingCalendar.Weekdays, now)).ToList();
        db.AddRange(units);
        await db.SaveChangesAsync(ct);
        if (!configuration.GetValue("Demo:Content", true))
        {
            return;
        }

        var today = Display.BeijingDay(now);
        var from = new DateOnly(today.Year, ((today.Month - 1) / 3 * 3) + 1, 1);
        var to = from.AddMonths(3).AddDays(-1);
        var quarter = (from.Month + 2) / 3;
        var plan = await create.SolveAsync($"{from.Year} 年第 {quarter} 季度边远区县巡展", from, to, PlanTargetKinds.Remote, units, [], 2, "seed", ct);
        plan.Adopt(now);
        foreach (var stop in plan.Visits.GroupBy(v => (v.UnitId, v.Sequence)))
        {
            var start = stop.Min(v => v.Date);
            if (start < today)
            {
                foreach (var day in stop)
                {
                    day.MarkDone(start, today, "seed", now);
                }
            }
        }

        await db.SaveChangesAsync(ct);
    }
}
