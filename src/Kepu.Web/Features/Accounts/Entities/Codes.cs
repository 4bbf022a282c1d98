namespace Kepu.Web.Features.Accounts.Entities;

/// <summary>The six roles of the platform. Names are stored; labels are shown.</summary>
public static class Roles
{
    public const string Citizen = "Citizen";
    public const string Expert = "Expert";
    public const string Editor = "Editor";
    public const string Organization = "Organization";
    public const string DistrictAdmin = "DistrictAdmin";
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All = [Citizen, Expert, Editor, Organization, DistrictAdmin, Admin];

    public static string Label(string role) => role switch
    {
        Citizen => "公众",
        Expert => "专家",
        Editor => "编辑",
        Organization => "机构",
        DistrictAdmin => "区县管理员",
        Admin => "管理员",
        _ => role,
    };
}

/// <summary>Audience groups (DESIGN §5).</summary>
public static class Audiences
{
    public static readonly IReadOnlyList<(string Code, string Label)> All =
    [
        ("youth", "青少年"),
        ("farmers", "农民"),
        ("workers", "产业工人"),
        ("elderly", "老年人"),
        ("officials", "领导干部和公务员"),
        ("public", "社会公众"),
    ];

    public static bool IsValid(string code) => All.Any(a => a.Code == code);

    public static string Label(string code) => All.FirstOrDefault(a => a.Code == code).Label ?? code;
}

/// <summary>
/// Interests a person may pick at registration: the top level of the topic taxonomy (DESIGN §5).
/// The Library module will own the editable taxonomy; these codes stay stable.
/// </summary>
public static class Interests
{
    public static readonly IReadOnlyList<(string Code, string Label)> All =
    [
        ("health", "健康"),
        ("safety", "安全"),
        ("digital", "数字生活"),
        ("agriculture", "农业农村"),
        ("frontier", "前沿科技"),
        ("ecology", "生态环境"),
        ("spirit", "科学精神与科学家"),
    ];

    public static bool IsValid(string code) => All.Any(a => a.Code == code);

    public static string Label(string code) => All.FirstOrDefault(a => a.Code == code).Label ?? code;
}

/// <summary>Kinds of organisation (DESIGN §1, issue 2).</summary>
public static class OrganizationKinds
{
    public static readonly IReadOnlyList<(string Code, string Label)> All =
    [
        ("university", "高校"),
        ("institute", "科研院所"),
        ("enterprise", "企业"),
        ("society", "学会协会"),
        ("venue", "科普场馆基地"),
        ("media", "媒体"),
        ("government", "政府部门"),
        ("community", "社区村"),
        ("school", "学校"),
    ];

    public static bool IsValid(string? code) => All.Any(a => a.Code == code);

    public static string Label(string code) => All.FirstOrDefault(a => a.Code == code).Label ?? code;
}
