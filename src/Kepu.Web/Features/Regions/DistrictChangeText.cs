using Kepu.Web.Features.Regions.Entities;

namespace Kepu.Web.Features.Regions;

/// <summary>Change records store codes; pages show them in Chinese.</summary>
public static class DistrictChangeText
{
    public static string Field(string field) => field switch
    {
        "name" => "名称",
        "group" => "区域分组",
        "flags" => "标记",
        _ => field,
    };

    public static string Value(string field, string value) => field switch
    {
        "group" => RegionGroup.Label(value),
        "flags" => value.Length == 0 ? "（无）" : string.Join("、", value.Split(',').Select(DistrictFlag.Label)),
        _ => value,
    };
}
