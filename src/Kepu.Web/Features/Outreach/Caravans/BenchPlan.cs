using System.Diagnostics;
using System.Globalization;
using Kepu.Web.Features.Outreach.Caravans.Planning;
using Kepu.Web.Features.Outreach.Geography;
using Kepu.Web.Infrastructure.Data;

namespace Kepu.Web.Features.Outreach.Caravans;

/// <summary>
/// <c>bench plan [--seconds S] [--town-seconds S] [--town-units N] [--from D --to D]</c>: the planner on the 17 remote
/// districts (one unit: against the exact optimum by Held–Karp, with and without the priority-first rule; three units:
/// against the spanning-tree bound) and on every imported town (N units, one per district with the most towns, against the
/// spanning-tree bound). Targets, settings and distances come from the database (run <c>import towns</c> first for towns).
/// Prints cost, bound, ratio and solve time per instance (bench/plan.sh, docs/benchmarks.md).
/// </summary>
public static class BenchPlan
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter stdout, TextWriter stderr)
    {
        var seconds = Int(args, "--seconds", 5);
        var townSeconds = Int(args, "--town-seconds", 60);
        var townUnits = Int(args, "--town-units", 24);
        var from = DateOnly.ParseExact(Option(args, "--from") ?? "2027-01-04", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = DateOnly.ParseExact(Option(args, "--to") ?? "2027-03-31", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        await DataServices.MigrateAsync(services);
        await using var scope = services.CreateAsyncScope();
        var targets = scope.ServiceProvider.GetRequiredService<CaravanTargets>();
        var roads = await targets.RoadsAsync();
        var remote = (await targets.DistrictTargetsAsync()).Select(t => t.ToPlanTarget()).ToList();
        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"== bench plan: period {from:yyyy-MM-dd}..{to:yyyy-MM-dd} ({WorkingCalendar.Days(from, to, WorkingCalendar.Weekdays).Count} weekdays), "
            + $"{Environment.ProcessorCount} cores, road factor {DistrictSeats.RoadFactor}, imported distance pairs {roads.ImportedPairs}"));
        await stdout.WriteLineAsync($"{"instance",-44} {"targets",7} {"planned",7} {"km",10} {"bound",10} {"kind",-9} {"ratio",7} {"solve s",8}");

        var one = OutreachCommands.SciencePalaceUnits(1, from, to);
        var places = new[] { (one[0].HomeCode, one[0].Home) }.Concat(remote.Select(t => (t.Code, t.Position))).ToList();
        var metres = roads.Metres(places);
        var nodes = Enumerable.Range(1, remote.Count).ToList();
        var priority = nodes.Where(i => remote[i - 1].Priority).ToHashSet();
        var watch = Stopwatch.StartNew();
        var exactPriority = PlanBounds.ExactTour(metres, nodes, priority) / 1000.0;
        var exactPlain = PlanBounds.ExactTour(metres, nodes) / 1000.0;
        await stdout.WriteLineAsync($"   (Held–Karp for both exact optima: {watch.Elapsed.TotalSeconds:0.0} s; {priority.Count} of {remote.Count} remote districts are priority)");
        await RowAsync(stdout, "remote districts, 1 unit, priority first", remote, one, roads, seconds, true, from, exactPriority, "exact");
        await RowAsync(stdout, "remote districts, 1 unit, no priority rule", remote, one, roads, seconds, false, from, exactPlain, "exact");
        var three = Demo.CaravanSeeder.Units.Select((u, i) => new PlanUnit(i + 1, u.Name, u.Home, DistrictSeats.Of(u.Home)!.Value,
            WorkingCalendar.Days(from, to, WorkingCalendar.Weekdays))).ToList();
        await RowAsync(stdout, "remote districts, 3 demo units", remote, three, roads, seconds, true, from, null, "MST");

        var towns = (await targets.TownTargetsAsync()).Select(t => t.ToPlanTarget()).ToList();
        if (towns.Count == 0)
        {
            await stderr.WriteLineAsync("没有乡镇数据：先运行 import towns ../shared/data/chongqing-towns.csv 再测乡镇规模。");
            return 1;
        }

        var homes = towns.GroupBy(t => t.Code[..6]).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).ToList();
        var units = Enumerable.Range(0, townUnits).Select(i => homes[i % homes.Count]).Select((home, i) => new PlanUnit(i + 1, $"单元{i + 1}", home,
            DistrictSeats.Of(home)!.Value, WorkingCalendar.Days(from, to, WorkingCalendar.Weekdays))).ToList();
        await RowAsync(stdout, $"all towns, {townUnits} units", towns, units, roads, townSeconds, true, from, null, "MST");
        await RowAsync(stdout, $"all towns, {townUnits} units, no priority rule", towns, units, roads, townSeconds, false, from, null, "MST");
        return 0;
    }

    private static async Task RowAsync(TextWriter stdout, string name, List<PlanTarget> targets, IReadOnlyList<PlanUnit> units, RoadMatrix roads,
        int seconds, bool priorityFirst, DateOnly from, double? exact, string kind)
    {
        var result = CaravanPlanner.Solve(units, targets, roads, new PlannerOptions { TimeLimit = TimeSpan.FromSeconds(seconds), PriorityFirst = priorityFirst }, from);
        var bound = exact ?? result.LowerBoundKm;
        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{name,-44} {targets.Count,7} {targets.Count - result.Unplanned.Count,7} {result.TravelKm,10:0.0} {bound,10:0.0} {kind,-9} {result.TravelKm / bound,7:0.000} {result.SolveMs / 1000.0,8:0.0}"));
        if (exact is not null)
        {
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{"",-44} spanning-tree bound {result.LowerBoundKm:0.0} km (ratio {result.TravelKm / result.LowerBoundKm:0.000})"));
        }
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static int Int(string[] args, string name, int fallback) =>
        int.TryParse(Option(args, name), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : fallback;
}
