using Kepu.Web.Features.Outreach.Geography;

namespace Kepu.Web.Features.Outreach.Caravans.Planning;

/// <summary>
/// Road distances between places named by code: an imported distance (from an administrator's matrix, km) when there is
/// one for the pair in either direction, otherwise <see cref="DistrictSeats.RoadKilometres"/> (great circle × road factor).
/// </summary>
public sealed class RoadMatrix(IReadOnlyDictionary<(string From, string To), double>? imported = null)
{
    private readonly IReadOnlyDictionary<(string From, string To), double> _imported = imported ?? new Dictionary<(string, string), double>();

    public static RoadMatrix FromCoordinates { get; } = new();

    public int ImportedPairs => _imported.Count;

    public double Kilometres(string fromCode, GeoPoint from, string toCode, GeoPoint to)
    {
        if (fromCode == toCode)
        {
            return 0;
        }

        if (_imported.TryGetValue((fromCode, toCode), out var km) || _imported.TryGetValue((toCode, fromCode), out km))
        {
            return km;
        }

        return DistrictSeats.RoadKilometres(from, to);
    }

    /// <summary>The whole matrix in whole metres (the solver works in integers).</summary>
    public long[,] Metres(IReadOnlyList<(string Code, GeoPoint Position)> places)
    {
        ArgumentNullException.ThrowIfNull(places);
        var n = places.Count;
        var metres = new long[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                metres[i, j] = i == j ? 0 : (long)Math.Round(Kilometres(places[i].Code, places[i].Position, places[j].Code, places[j].Position) * 1000);
            }
        }

        return metres;
    }
}
