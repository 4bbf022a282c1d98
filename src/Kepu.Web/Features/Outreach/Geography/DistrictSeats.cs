using System.Collections.Frozen;

namespace Kepu.Web.Features.Outreach.Geography;

/// <summary>A point on the map, in degrees (WGS 84).</summary>
public readonly record struct GeoPoint(double Latitude, double Longitude);

/// <summary>
/// Where each district's government seat is (rounded to about 1 km). Planning and ranking need distances between
/// districts; the Regions module stores codes and names only, so the seats live here, next to the code that uses them.
/// Towns have no published coordinates in the statistics bureau's list; <see cref="Town"/> places them around their
/// district's seat by a documented deterministic rule (docs/outreach.md).
/// </summary>
public static class DistrictSeats
{
    private static readonly FrozenDictionary<string, GeoPoint> Seats = new Dictionary<string, GeoPoint>
    {
        ["500101"] = new(30.808, 108.409), // 万州区
        ["500102"] = new(29.703, 107.390), // 涪陵区
        ["500103"] = new(29.557, 106.569), // 渝中区
        ["500104"] = new(29.484, 106.482), // 大渡口区
        ["500105"] = new(29.607, 106.574), // 江北区
        ["500106"] = new(29.541, 106.457), // 沙坪坝区
        ["500107"] = new(29.502, 106.511), // 九龙坡区
        ["500108"] = new(29.523, 106.564), // 南岸区
        ["500109"] = new(29.806, 106.396), // 北碚区
        ["500110"] = new(29.029, 106.651), // 綦江区
        ["500111"] = new(29.708, 105.722), // 大足区
        ["500112"] = new(29.718, 106.631), // 渝北区
        ["500113"] = new(29.402, 106.541), // 巴南区
        ["500114"] = new(29.533, 108.771), // 黔江区
        ["500115"] = new(29.858, 107.082), // 长寿区
        ["500116"] = new(29.291, 106.260), // 江津区
        ["500117"] = new(29.972, 106.276), // 合川区
        ["500118"] = new(29.356, 105.927), // 永川区
        ["500119"] = new(29.157, 107.099), // 南川区
        ["500120"] = new(29.592, 106.227), // 璧山区
        ["500151"] = new(29.845, 106.056), // 铜梁区
        ["500152"] = new(30.191, 105.840), // 潼南区
        ["500153"] = new(29.405, 105.594), // 荣昌区
        ["500154"] = new(31.161, 108.393), // 开州区
        ["500155"] = new(30.674, 107.800), // 梁平区
        ["500156"] = new(29.326, 107.760), // 武隆区
        ["500229"] = new(31.948, 108.665), // 城口县
        ["500230"] = new(29.863, 107.731), // 丰都县
        ["500231"] = new(30.328, 107.349), // 垫江县
        ["500233"] = new(30.300, 108.038), // 忠县
        ["500235"] = new(30.931, 108.697), // 云阳县
        ["500236"] = new(31.019, 109.465), // 奉节县
        ["500237"] = new(31.075, 109.879), // 巫山县
        ["500238"] = new(31.399, 109.628), // 巫溪县
        ["500240"] = new(29.999, 108.113), // 石柱土家族自治县
        ["500241"] = new(28.448, 108.996), // 秀山土家族苗族自治县
        ["500242"] = new(28.840, 108.767), // 酉阳土家族苗族自治县
        ["500243"] = new(29.294, 108.166), // 彭水苗族土家族自治县
    }.ToFrozenDictionary();

    /// <summary>Districts of the central city are small; towns elsewhere spread over a wider area.</summary>
    private static readonly FrozenSet<string> CoreDistricts = FrozenSet.ToFrozenSet(["500103", "500104", "500105", "500106", "500107", "500108", "500109", "500112", "500113"]);

    public static IReadOnlyCollection<string> Codes => Seats.Keys;

    public static GeoPoint? Of(string? districtCode) => districtCode is not null && Seats.TryGetValue(districtCode, out var p) ? p : null;

    /// <summary>
    /// A town's stand-in position: the k-th of the district's n towns (ordered by code) sits on a sunflower spiral
    /// around the seat, at radius R·√((k+0.5)/n) and angle k·137.5°, with R = 8 km in the central city and 25 km
    /// elsewhere. Deterministic, spread evenly over the district, and only as good as a guess: real coordinates
    /// replace it when known.
    /// </summary>
    public static GeoPoint Town(string districtCode, int index, int count)
    {
        var seat = Of(districtCode) ?? throw new ArgumentException($"未知区县：{districtCode}", nameof(districtCode));
        var radiusKm = (CoreDistricts.Contains(districtCode) ? 8.0 : 25.0) * Math.Sqrt((index + 0.5) / Math.Max(1, count));
        var angle = index * 137.508 * Math.PI / 180;
        var dLat = radiusKm * Math.Cos(angle) / 111.2;
        var dLon = radiusKm * Math.Sin(angle) / (111.2 * Math.Cos(seat.Latitude * Math.PI / 180));
        return new GeoPoint(Math.Round(seat.Latitude + dLat, 4), Math.Round(seat.Longitude + dLon, 4));
    }

    /// <summary>Great-circle distance in kilometres (haversine, mean Earth radius 6,371 km).</summary>
    public static double Kilometres(GeoPoint a, GeoPoint b)
    {
        const double R = 6371.0;
        var dLat = (b.Latitude - a.Latitude) * Math.PI / 180;
        var dLon = (b.Longitude - a.Longitude) * Math.PI / 180;
        var h = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
            + Math.Cos(a.Latitude * Math.PI / 180) * Math.Cos(b.Latitude * Math.PI / 180) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * R * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    /// <summary>
    /// Road distance estimated from the straight line: Chongqing's roads wind through mountains and along rivers,
    /// so a trip is taken as 1.5 times the great-circle distance (docs/outreach.md) unless a matrix is imported.
    /// </summary>
    public const double RoadFactor = 1.5;

    public static double RoadKilometres(GeoPoint a, GeoPoint b) => Kilometres(a, b) * RoadFactor;
}
