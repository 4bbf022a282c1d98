using System.Diagnostics;
using Google.OrTools.ConstraintSolver;
using Google.Protobuf.WellKnownTypes;
using Kepu.Web.Features.Outreach.Geography;

namespace Kepu.Web.Features.Outreach.Caravans.Planning;

/// <summary>A caravan or exhibition set as the planner sees it: where it sleeps between tours and the days it may work, in order.</summary>
public sealed record PlanUnit(int Id, string Name, string HomeCode, GeoPoint Home, IReadOnlyList<DateOnly> Days);

/// <summary>A district or town to visit: days on site, whether it is a priority area, and when it was last visited.</summary>
public sealed record PlanTarget(string Code, string Name, GeoPoint Position, int DaysPerStop, bool Priority, DateOnly? LastVisit);

/// <summary>
/// One stop of one unit: the working days it spends at the target (consecutive in the unit's calendar, so a stop may
/// pause over a weekend), and the road kilometres driven to get there.
/// </summary>
public sealed record PlannedStop(int UnitId, int Sequence, string TargetCode, IReadOnlyList<DateOnly> Dates, double KmFromPrevious);

/// <param name="TravelKm">All driving: home → stops → home, for every unit that leaves home.</param>
/// <param name="ReturnKm">Per unit, the drive home after its last stop (included in <paramref name="TravelKm"/>).</param>
/// <param name="LowerBoundKm">No plan that visits the planned targets drives less (<see cref="PlanBounds.SpanningTree"/>).</param>
/// <param name="Unplanned">Targets that did not fit into the period: the gaps, listed for the planner to act on.</param>
public sealed record PlanResult(IReadOnlyList<PlannedStop> Stops, IReadOnlyList<string> Unplanned, double TravelKm,
    IReadOnlyDictionary<int, double> UnitKm, IReadOnlyDictionary<int, double> ReturnKm, double LowerBoundKm, long SolveMs);

public sealed record PlannerOptions
{
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Every unit visits all its priority targets before any other target (a hard rule when true).</summary>
    public bool PriorityFirst { get; init; } = true;
}

/// <summary>
/// Plans caravan tours with Google OR-Tools' vehicle routing solver: one vehicle per unit, starting and ending at its
/// home; the arc cost is road kilometres; a "day" dimension counts the unit's working days (days on site plus one
/// travel day for a leg longer than <see cref="TravelDayKm"/>) and is capped by the working days the unit has in the
/// period; a "phase" dimension counts the non-priority stops already made and must be zero at every priority stop, so
/// priority areas come first on every route. Each target is optional with a very large penalty, so an over-full period
/// still yields a plan and names the targets left out instead of failing. The model is explained in docs/outreach.md.
/// </summary>
public static class CaravanPlanner
{
    /// <summary>About five hours at 50 km/h on mountain roads: a longer leg takes a working day of its own.</summary>
    public const double TravelDayKm = 250;

    /// <summary>Leaving a target out costs more than any tour drives (metres), so the solver only does it when the days run out.</summary>
    private const long DropPenalty = 100_000_000_000;

    public static int TravelDays(double roadKm) => roadKm > TravelDayKm ? 1 : 0;

    public static PlanResult Solve(IReadOnlyList<PlanUnit> units, IReadOnlyList<PlanTarget> targets, RoadMatrix roads, PlannerOptions options,
        DateOnly periodStart)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(roads);
        ArgumentNullException.ThrowIfNull(options);
        var watch = Stopwatch.StartNew();
        var homes = units.Select(u => u.HomeCode).Distinct(StringComparer.Ordinal).ToList();
        var places = homes.Select(h => (Code: h, Position: units.First(u => u.HomeCode == h).Home))
            .Concat(targets.Select(t => (t.Code, t.Position))).ToList();
        var metres = roads.Metres(places);
        var n = places.Count;
        var service = new long[n];
        var nonPriority = new long[n];
        for (var i = 0; i < targets.Count; i++)
        {
            service[homes.Count + i] = targets[i].DaysPerStop;
            nonPriority[homes.Count + i] = targets[i].Priority ? 0 : 1;
        }

        if (units.Count == 0 || targets.Count == 0)
        {
            return new PlanResult([], targets.Select(t => t.Code).ToList(), 0, units.ToDictionary(u => u.Id, _ => 0.0),
                units.ToDictionary(u => u.Id, _ => 0.0), 0, watch.ElapsedMilliseconds);
        }

        var starts = units.Select(u => homes.IndexOf(u.HomeCode)).ToArray();
        using var manager = new RoutingIndexManager(n, units.Count, starts, starts);
        using var routing = new RoutingModel(manager);
        var distance = routing.RegisterTransitCallback((from, to) => metres[manager.IndexToNode(from), manager.IndexToNode(to)]);
        routing.SetArcCostEvaluatorOfAllVehicles(distance);
        var days = routing.RegisterTransitCallback((from, to) =>
        {
            var i = manager.IndexToNode(from);
            var j = manager.IndexToNode(to);
            return service[i] + TravelDays(metres[i, j] / 1000.0);
        });
        routing.AddDimensionWithVehicleCapacity(days, 0, units.Select(u => (long)u.Days.Count).ToArray(), true, "Days");
        using var dayDimension = routing.GetMutableDimension("Days");
        if (options.PriorityFirst && targets.Any(t => t.Priority) && targets.Any(t => !t.Priority))
        {
            var phase = routing.RegisterTransitCallback((from, _) => nonPriority[manager.IndexToNode(from)]);
            routing.AddDimension(phase, 0, n, true, "Phase");
            using var phaseDimension = routing.GetMutableDimension("Phase");
            for (var i = 0; i < targets.Count; i++)
            {
                if (targets[i].Priority)
                {
                    phaseDimension.CumulVar(manager.NodeToIndex(homes.Count + i)).SetRange(0, 0);
                }
            }
        }

        for (var i = 0; i < targets.Count; i++)
        {
            routing.AddDisjunction([manager.NodeToIndex(homes.Count + i)], Penalty(targets[i], periodStart));
        }

        var parameters = operations_research_constraint_solver.DefaultRoutingSearchParameters();
        parameters.FirstSolutionStrategy = FirstSolutionStrategy.Types.Value.PathCheapestArc;
        parameters.LocalSearchMetaheuristic = LocalSearchMetaheuristic.Types.Value.GuidedLocalSearch;
        parameters.TimeLimit = Duration.FromTimeSpan(options.TimeLimit);
        using var solution = routing.SolveWithParameters(parameters)
            ?? throw new InvalidOperationException("求解器没有找到可行方案。");

        var stops = new List<PlannedStop>();
        var unitKm = new Dictionary<int, double>();
        var returnKm = new Dictionary<int, double>();
        var planned = new HashSet<string>(StringComparer.Ordinal);
        for (var v = 0; v < units.Count; v++)
        {
            var unit = units[v];
            var index = routing.Start(v);
            var sequence = 0;
            double km = 0;
            while (!routing.IsEnd(index))
            {
                var next = solution.Value(routing.NextVar(index));
                var leg = metres[manager.IndexToNode(index), manager.IndexToNode(next)] / 1000.0;
                km += leg;
                if (routing.IsEnd(next))
                {
                    returnKm[unit.Id] = sequence == 0 ? 0 : leg;
                    break;
                }

                var node = manager.IndexToNode(next);
                var target = targets[node - homes.Count];
                var slot = (int)solution.Value(dayDimension.CumulVar(next));
                var dates = Enumerable.Range(slot, target.DaysPerStop).Select(s => unit.Days[s]).ToList();
                stops.Add(new PlannedStop(unit.Id, ++sequence, target.Code, dates, Math.Round(leg, 1)));
                planned.Add(target.Code);
                index = next;
            }

            unitKm[unit.Id] = sequence == 0 ? 0 : Math.Round(km, 1);
            returnKm.TryAdd(unit.Id, 0);
            returnKm[unit.Id] = Math.Round(returnKm[unit.Id], 1);
        }

        var bound = PlanBounds.SpanningTree(metres, homes.Count, Enumerable.Range(0, targets.Count)
            .Where(i => planned.Contains(targets[i].Code)).Select(i => homes.Count + i).ToList()) / 1000.0;
        return new PlanResult(stops, targets.Where(t => !planned.Contains(t.Code)).Select(t => t.Code).ToList(),
            Math.Round(unitKm.Values.Sum(), 1), unitKm, returnKm, Math.Round(bound, 1), watch.ElapsedMilliseconds);
    }

    /// <summary>
    /// When the days run out, targets visited recently are left out first and priority areas last: the penalty grows with the
    /// days since the last visit (capped at ten years; never visited counts as ten years) and priority adds half the base.
    /// </summary>
    private static long Penalty(PlanTarget target, DateOnly periodStart)
    {
        var since = target.LastVisit is { } last ? Math.Clamp(periodStart.DayNumber - last.DayNumber, 0, 3650) : 3650;
        return DropPenalty + (target.Priority ? DropPenalty / 2 : 0) + since * 10_000_000L;
    }
}
