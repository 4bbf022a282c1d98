using Kepu.Web.Features.Regions;
using Kepu.Web.Infrastructure.Validation;

namespace Kepu.Web.Features.Outreach;

/// <summary>Where something happens: a district, and optionally one of its towns. Used by events, orders and venues alike.</summary>
internal static class PlaceInput
{
    /// <summary>
    /// Checks the district and town codes, adding any error to <paramref name="v"/> under the given fields. The town is only
    /// checked once the district is valid (one message per mistake), and is returned as its code when it belongs to it.
    /// </summary>
    public static async Task<(DistrictInfo? District, string? Town)> CheckAsync(IRegionDirectory regions, RequestValidator v, string? districtCode,
        string? townCode, string districtField, string townField, string missingDistrict, CancellationToken ct)
    {
        var district = await regions.FindDistrictAsync(districtCode, ct);
        if (district is null)
        {
            v.Add(districtField, missingDistrict);
            return (null, null);
        }

        if (string.IsNullOrWhiteSpace(townCode))
        {
            return (district, null);
        }

        var town = await regions.FindTownAsync(townCode.Trim(), ct);
        if (town?.DistrictCode != district.Code)
        {
            v.Add(townField, $"乡镇（街道）不在{district.Name}。");
            return (district, null);
        }

        return (district, town.Code);
    }
}
