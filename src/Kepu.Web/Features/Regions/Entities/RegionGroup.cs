namespace Kepu.Web.Features.Regions.Entities;

/// <summary>一区两群 region groups (DESIGN §5). Codes are the API values.</summary>
public static class RegionGroup
{
    public const string Core = "core";
    public const string New = "new";
    public const string Northeast = "northeast";
    public const string Southeast = "southeast";

    public static readonly IReadOnlyList<string> All = [Core, New, Northeast, Southeast];

    public static string Label(string code) => code switch
    {
        Core => "主城都市区·中心城区",
        New => "主城都市区·主城新区",
        Northeast => "渝东北三峡库区城镇群",
        Southeast => "渝东南武陵山区城镇群",
        _ => code,
    };

    public static bool IsValid(string? code) => code is not null && All.Contains(code);
}

/// <summary>Priority flags of a district. Codes are the API values.</summary>
public static class DistrictFlag
{
    public const string Remote = "remote";
    public const string Ethnic = "ethnic";
    public const string Poverty = "poverty";
    public const string OldRevolutionary = "oldRevolutionary";

    public static readonly IReadOnlyList<string> All = [Remote, Ethnic, Poverty, OldRevolutionary];

    public static string Label(string code) => code switch
    {
        Remote => "边远涉农区县",
        Ethnic => "民族地区",
        Poverty => "脱贫地区",
        OldRevolutionary => "革命老区",
        _ => code,
    };
}
