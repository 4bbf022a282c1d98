namespace Kepu.Web.Features.Insights.Survey.Entities;

/// <summary>The respondent profile of the civic science-literacy survey: codes stored, labels shown.</summary>
public static class SurveyCodes
{
    public static readonly IReadOnlyList<(string Code, string Label)> Urban = [("urban", "城镇"), ("rural", "农村")];

    public static readonly IReadOnlyList<(string Code, string Label)> Sex = [("male", "男"), ("female", "女")];

    public static readonly IReadOnlyList<(string Code, string Label)> AgeGroups =
        [("18-29", "18–29 岁"), ("30-39", "30–39 岁"), ("40-49", "40–49 岁"), ("50-59", "50–59 岁"), ("60-69", "60–69 岁")];

    public static readonly IReadOnlyList<(string Code, string Label)> Education =
        [("primary", "小学及以下"), ("junior", "初中"), ("senior", "高中（中专）"), ("college", "大专及以上")];

    /// <summary>Variables a margin or a breakdown may use.</summary>
    public static readonly IReadOnlyList<(string Code, string Label)> Variables =
    [
        ("district", "区县"), ("regionGroup", "区域"), ("urban", "城乡"), ("sex", "性别"), ("ageGroup", "年龄组"), ("education", "文化程度"),
        ("audience", "人群"),
    ];

    public static string Label(IReadOnlyList<(string Code, string Label)> codes, string code) => codes.FirstOrDefault(c => c.Code == code).Label ?? code;

    public static bool IsValid(IReadOnlyList<(string Code, string Label)> codes, string? code) => codes.Any(c => c.Code == code);

    /// <summary>Literacy bands of the national scoring (DESIGN §5): above 85 高阶, above 70 具备, above 55 基本具备.</summary>
    public static string Band(double score) => score > 85 ? "高阶" : score > 70 ? "具备科学素质" : score > 55 ? "基本具备" : "不具备";

    /// <summary>Points per dimension of the national questionnaire (sum 100).</summary>
    public static readonly IReadOnlyDictionary<string, int> DimensionPoints = new Dictionary<string, int>
    {
        ["knowledge"] = 40, ["method"] = 20, ["spirit"] = 20, ["application"] = 20,
    };
}

public static class WaveStatus
{
    public const string Draft = "draft";
    public const string Fielding = "fielding";
    public const string Closed = "closed";

    public static string Label(string status) => status switch { Draft => "准备中", Fielding => "调查中", _ => "已结束" };
}
