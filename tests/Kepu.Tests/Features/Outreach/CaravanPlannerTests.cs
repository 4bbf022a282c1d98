using Kepu.Web.Features.Outreach.Caravans.Planning;
using Kepu.Web.Features.Outreach.Geography;

namespace Kepu.Tests.Features.Outreach;

/// <summary>
/// The planner's guarantees, checked on random instances: every target is visited once when the days allow it; a unit is
/// never in two places on one day; stops fall on the unit's working days inside the period, each on as many working days
/// as the target asks, in route order; on every route all priority targets come before any other; the kilometres add up;
/// no plan beats the lower bound, and small plans match the exact optimum.
/// </summary>
public sealed class CaravanPlannerTests
{
    private static readonly PlannerOptions Fast = new() { TimeLimit = TimeSpan.FromMilliseconds(400) };
    private static readonly string[] Districts = [.. DistrictSeats.Codes.Order(StringComparer.Ordinal)];

    [Fact]
    public void OrTools_SolvesAThreeNodeRoute()
    {
        var home = DistrictSeats.Of("500105")!.Value;
        var units = new[] { new PlanUnit(1, "一号车", "500105", home, WorkingCalendar.Days(new(2026, 1, 5), new(2026, 1, 30), WorkingCalendar.Weekdays)) };
        var targets = new[] { Target("500115", 1, false), Target("500102", 1, false) };

        var result = CaravanPlanner.Solve(units, targets, RoadMatrix.FromCoordinates, Fast, new(2026, 1, 5));

        Assert.Empty(result.Unplanned);
        Assert.Equal(2, result.Stops.Count);
        var expected = Road("500105", "500115") + Road("500115", "500102") + Road("500102", "500105");
        Assert.Equal(expected, result.TravelKm, 0.2);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void RandomInstances_KeepEveryRule(int seed)
    {
        var random = new Random(seed);
        var from = new DateOnly(2026, 1, 1).AddDays(random.Next(0, 300));
        var to = from.AddDays(random.Next(40, 80));
        var units = Enumerable.Range(1, random.Next(1, 4)).Select(i =>
        {
            var home = Districts[random.Next(Districts.Length)];
            var mask = random.Next(2) == 0 ? WorkingCalendar.Weekdays : 0b1111111 & ~(1 << random.Next(7));
            return new PlanUnit(i, $"车{i}", home, DistrictSeats.Of(home)!.Value, WorkingCalendar.Days(from, to, mask));
        }).ToList();
        var targets = Districts.OrderBy(_ => random.Next()).Take(random.Next(6, 16))
            .Select(c => Target(c, random.Next(1, 4), random.Next(3) == 0, random.Next(2) == 0 ? null : from.AddDays(-random.Next(1, 900))))
            .ToList();

        var result = CaravanPlanner.Solve(units, targets, RoadMatrix.FromCoordinates, Fast, from);

        Assert.Empty(result.Unplanned); // ≥ 28 working days per unit against at most 45 stop days plus travel: always fits
        CheckRules(units, targets, result, from, to);
    }

    [Fact]
    public void OverfullPeriod_LeavesOutRecentlyVisitedTargetsFirst_AndStillKeepsTheRules()
    {
        var from = new DateOnly(2026, 3, 2);
        var to = new DateOnly(2026, 3, 13); // ten working days
        var units = new[] { new PlanUnit(1, "一号车", "500105", DistrictSeats.Of("500105")!.Value, WorkingCalendar.Days(from, to, WorkingCalendar.Weekdays)) };
        var targets = new[]
        {
            Target("500115", 3, true), Target("500102", 3, true), Target("500119", 3, false, from.AddDays(-400)),
            Target("500117", 3, false, from.AddDays(-20)), Target("500120", 3, false, from.AddDays(-30)),
        };

        var result = CaravanPlanner.Solve(units, targets, RoadMatrix.FromCoordinates, Fast, from);

        Assert.Equal(["500117", "500120"], result.Unplanned.Order(StringComparer.Ordinal));
        CheckRules(units, targets, result, from, to);
    }

    [Fact]
    public void LongLeg_TakesATravelDay()
    {
        var from = new DateOnly(2026, 3, 2);
        var units = new[] { new PlanUnit(1, "一号车", "500105", DistrictSeats.Of("500105")!.Value, WorkingCalendar.Days(from, from.AddDays(30), WorkingCalendar.Weekdays)) };
        var targets = new[] { Target("500229", 2, false) }; // 城口: far more than 250 road km from 江北

        var result = CaravanPlanner.Solve(units, targets, RoadMatrix.FromCoordinates, Fast, from);

        Assert.True(Road("500105", "500229") > CaravanPlanner.TravelDayKm);
        Assert.Equal([new DateOnly(2026, 3, 3), new DateOnly(2026, 3, 4)], result.Stops.Single().Dates); // Monday is spent driving
    }

    [Fact]
    public void ImportedDistances_ReplaceTheEstimate()
    {
        var matrix = new RoadMatrix(new Dictionary<(string, string), double> { [("500105", "500115")] = 123.4 });
        var a = DistrictSeats.Of("500105")!.Value;
        var b = DistrictSeats.Of("500115")!.Value;

        Assert.Equal(123.4, matrix.Kilometres("500115", b, "500105", a)); // either direction
        Assert.Equal(DistrictSeats.RoadKilometres(a, DistrictSeats.Of("500102")!.Value), matrix.Kilometres("500105", a, "500102", DistrictSeats.Of("500102")!.Value));
    }

    [Theory]
    [InlineData(11, false)]
    [InlineData(12, true)]
    [InlineData(13, true)]
    public void SmallSingleUnitPlans_MatchTheExactOptimum(int seed, bool priority)
    {
        var random = new Random(seed);
        var from = new DateOnly(2026, 4, 1);
        var home = "500105";
        var units = new[] { new PlanUnit(1, "一号车", home, DistrictSeats.Of(home)!.Value, WorkingCalendar.Days(from, from.AddDays(120), WorkingCalendar.Weekdays)) };
        var targets = Districts.Where(c => c != home).OrderBy(_ => random.Next()).Take(8)
            .Select(c => Target(c, 1, priority && random.Next(2) == 0)).ToList();
        var places = new[] { (home, units[0].Home) }.Concat(targets.Select(t => (t.Code, t.Position))).ToList();
        var metres = RoadMatrix.FromCoordinates.Metres(places);
        var nodes = Enumerable.Range(1, targets.Count).ToList();
        var exact = PlanBounds.ExactTour(metres, nodes, nodes.Where(i => targets[i - 1].Priority).ToHashSet()) / 1000.0;

        var result = CaravanPlanner.Solve(units, targets, RoadMatrix.FromCoordinates, Fast, from);

        Assert.Empty(result.Unplanned);
        Assert.InRange(result.TravelKm, exact - 0.5, exact * 1.0001 + 0.5);
        Assert.True(result.LowerBoundKm <= exact + 0.1, $"bound {result.LowerBoundKm} > optimum {exact}");
    }

    [Fact]
    public void ExactTour_KnowsASquare()
    {
        // 0 at a corner of a unit square (1000 m sides); the diagonal is longer, so the tour goes round: 4000.
        long[,] metres = { { 0, 1000, 1414, 1000 }, { 1000, 0, 1000, 1414 }, { 1414, 1000, 0, 1000 }, { 1000, 1414, 1000, 0 } };

        Assert.Equal(4000, PlanBounds.ExactTour(metres, [1, 2, 3]));
        Assert.Equal(1414 + 1000 + 1414 + 1000, PlanBounds.ExactTour(metres, [1, 2, 3], new HashSet<int> { 2 })); // 2 first: 0→2 and one more diagonal
        Assert.Equal(3000, PlanBounds.SpanningTree(metres, 1, [1, 2, 3]));
    }

    [Fact]
    public void WorkingCalendar_SkipsWeekendsAndBookedDays()
    {
        var days = WorkingCalendar.Days(new(2026, 3, 6), new(2026, 3, 10), WorkingCalendar.Weekdays, new HashSet<DateOnly> { new(2026, 3, 9) });

        Assert.Equal([new DateOnly(2026, 3, 6), new DateOnly(2026, 3, 10)], days);
        Assert.Equal("一二三四五", WorkingCalendar.Label(WorkingCalendar.Weekdays));
    }

    [Fact]
    public void PublicHolidays_FollowTheLunarAndSolarCalendars()
    {
        // 2027: 春节 on 6 February (除夕 5th to 初三 8th), 清明 5 April, 端午 9 June, 中秋 15 September.
        DateOnly[] expected =
        [
            new(2027, 1, 1), new(2027, 2, 5), new(2027, 2, 6), new(2027, 2, 7), new(2027, 2, 8), new(2027, 4, 5), new(2027, 5, 1), new(2027, 5, 2),
            new(2027, 6, 9), new(2027, 9, 15), new(2027, 10, 1), new(2027, 10, 2), new(2027, 10, 3),
        ];
        Assert.Equal(expected, PublicHolidays.For(2027).Order());

        // 2026 has a leap month: 中秋 is on 25 September, 春节 on 17 February, 端午 on 19 June, 清明 5 April.
        Assert.Superset(new HashSet<DateOnly> { new(2026, 2, 17), new(2026, 4, 5), new(2026, 6, 19), new(2026, 9, 25) }, PublicHolidays.For(2026).ToHashSet());
        Assert.DoesNotContain(new DateOnly(2027, 1, 1), WorkingCalendar.Days(new(2026, 12, 28), new(2027, 1, 8), WorkingCalendar.Weekdays));
        Assert.Equal(9, WorkingCalendar.Days(new(2026, 12, 28), new(2027, 1, 8), WorkingCalendar.Weekdays).Count);
    }

    private static PlanTarget Target(string code, int days, bool priority, DateOnly? last = null) =>
        new(code, code, DistrictSeats.Of(code)!.Value, days, priority, last);

    private static double Road(string a, string b) => DistrictSeats.RoadKilometres(DistrictSeats.Of(a)!.Value, DistrictSeats.Of(b)!.Value);

    /// <summary>The rules every plan keeps, checked from the outside.</summary>
    internal static void CheckRules(IReadOnlyList<PlanUnit> units, IReadOnlyList<PlanTarget> targets, PlanResult result, DateOnly from, DateOnly to)
    {
        var byCode = targets.ToDictionary(t => t.Code);
        // Every target is either visited exactly once or reported as a gap.
        Assert.Equal(targets.Select(t => t.Code).Order(StringComparer.Ordinal),
            result.Stops.Select(s => s.TargetCode).Concat(result.Unplanned).Order(StringComparer.Ordinal));
        double total = 0;
        foreach (var unit in units)
        {
            var stops = result.Stops.Where(s => s.UnitId == unit.Id).OrderBy(s => s.Sequence).ToList();
            var allDates = stops.SelectMany(s => s.Dates).ToList();
            Assert.Equal(allDates.Count, allDates.Distinct().Count()); // never two places on one day
            Assert.All(allDates, d => Assert.Contains(d, unit.Days)); // only its working days…
            Assert.All(allDates, d => Assert.InRange(d, from, to)); // …inside the period
            var lastSlot = -1;
            var previous = unit.HomeCode;
            var previousAt = unit.Home;
            var seenOrdinary = false;
            double km = 0;
            foreach (var stop in stops)
            {
                var target = byCode[stop.TargetCode];
                Assert.Equal(target.DaysPerStop, stop.Dates.Count);
                var slots = stop.Dates.Select(d => unit.Days.ToList().IndexOf(d)).ToList();
                Assert.Equal(Enumerable.Range(slots[0], slots.Count), slots); // consecutive working days
                var leg = RoadMatrix.FromCoordinates.Kilometres(previous, previousAt, target.Code, target.Position);
                Assert.Equal(leg, stop.KmFromPrevious, 0.06);
                Assert.True(slots[0] >= lastSlot + 1 + CaravanPlanner.TravelDays(leg), $"{stop.TargetCode} starts before the unit can get there");
                lastSlot = slots[^1];
                Assert.False(target.Priority && seenOrdinary, $"priority {stop.TargetCode} after an ordinary stop");
                seenOrdinary |= !target.Priority;
                km += leg;
                previous = target.Code;
                previousAt = target.Position;
            }

            if (stops.Count > 0)
            {
                km += RoadMatrix.FromCoordinates.Kilometres(previous, previousAt, unit.HomeCode, unit.Home);
            }

            Assert.Equal(km, result.UnitKm[unit.Id], 0.06 * (stops.Count + 1));
            total += km;
        }

        Assert.Equal(total, result.TravelKm, 0.06 * (result.Stops.Count + units.Count));
        Assert.True(result.LowerBoundKm <= result.TravelKm + 0.1, $"bound {result.LowerBoundKm} above the plan {result.TravelKm}");
    }
}
