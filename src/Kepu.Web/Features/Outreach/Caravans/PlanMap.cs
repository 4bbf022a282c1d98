using System.Globalization;
using Kepu.Web.Features.Outreach.Geography;

namespace Kepu.Web.Features.Outreach.Caravans;

/// <summary>
/// A map-like drawing of a plan, made by the app (no map tiles or outside data): places are projected from latitude and
/// longitude (equirectangular, longitude scaled by the cosine of the mid latitude, which is true enough across Chongqing),
/// each unit's route is a polyline from its home through its stops and back, in its own colour and dash pattern, and each
/// stop carries its number on the route, so the drawing does not rely on colour alone.
/// </summary>
public sealed record PlanMap(double Width, double Height, IReadOnlyList<PlanMap.Route> Routes, IReadOnlyList<PlanMap.Mark> Gaps, IReadOnlyList<PlanMap.Mark> Seats)
{
    public sealed record Point(double X, double Y)
    {
        public string Svg => string.Create(CultureInfo.InvariantCulture, $"{X:0.#},{Y:0.#}");
    }

    public sealed record Mark(Point At, string Label, string Title);

    public sealed record Route(int UnitId, string UnitName, string Colour, string Dash, Mark Home, IReadOnlyList<Mark> Stops)
    {
        public string Polyline => string.Join(' ', new[] { Home.At }.Concat(Stops.Select(s => s.At)).Append(Home.At).Select(p => p.Svg));
    }

    /// <summary>Dark enough for 3:1 against white lines and labels, told apart by dash pattern too.</summary>
    private static readonly (string Colour, string Dash)[] Styles =
    [
        ("#0a5a9c", ""), ("#a33a00", "10 5"), ("#1b6e2d", "3 4"), ("#6b2fa0", "12 4 3 4"), ("#8a6d00", "6 6"), ("#b00060", "2 6"),
    ];

    public static PlanMap Draw(PlanView plan, double width = 800)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var seats = DistrictSeats.Codes.Select(c => DistrictSeats.Of(c)!.Value).ToList();
        var all = seats.Concat(plan.Stops.Select(s => s.Position)).Concat(plan.Units.Select(u => u.Home)).ToList();
        var (minLat, maxLat) = (all.Min(p => p.Latitude), all.Max(p => p.Latitude));
        var (minLon, maxLon) = (all.Min(p => p.Longitude), all.Max(p => p.Longitude));
        var scaleX = Math.Cos((minLat + maxLat) / 2 * Math.PI / 180);
        const double pad = 30;
        var k = (width - (2 * pad)) / Math.Max(0.01, (maxLon - minLon) * scaleX);
        var height = ((maxLat - minLat) * k) + (2 * pad);
        Point Project(GeoPoint p) => new(pad + ((p.Longitude - minLon) * scaleX * k), pad + ((maxLat - p.Latitude) * k));

        var routes = plan.Units.Where(u => u.Stops > 0).Select((u, i) => new Route(u.UnitId, u.UnitName, Styles[i % Styles.Length].Colour,
            Styles[i % Styles.Length].Dash, new Mark(Project(u.Home), "⌂", $"{u.UnitName} 驻地：{u.HomeName}"),
            plan.Stops.Where(s => s.UnitId == u.UnitId).OrderBy(s => s.Sequence)
                .Select(s => new Mark(Project(s.Position), s.Sequence.ToString(CultureInfo.InvariantCulture),
                    $"{u.UnitName} 第 {s.Sequence} 站：{s.TargetName}，{s.Dates[0]:M月d日}起 {s.Dates.Count} 天")).ToList())).ToList();
        var gapPlaces = plan.Stops.Count == 0 ? [] : plan.Unplanned;
        var gaps = gapPlaces.Select(g => new Mark(Project(DistrictSeats.Of(g.Code) ?? DistrictSeats.Of(g.DistrictCode) ?? seats[0]), "×", $"未排入：{g.Name}"))
            .ToList();
        var seatMarks = DistrictSeats.Codes.Select(c => new Mark(Project(DistrictSeats.Of(c)!.Value), c, c)).ToList();
        return new PlanMap(width, Math.Round(height), routes, gaps, seatMarks);
    }
}
