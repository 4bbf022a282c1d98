namespace Kepu.Web.Features.Outreach.Events.Entities;

/// <summary>What kind of activity an event is (DESIGN §2 and the plan's key projects).</summary>
public static class EventKinds
{
    public const string Lecture = "lecture";
    public const string HealthLecture = "health";
    public const string Caravan = "caravan";
    public const string MobileMuseum = "museum";
    public const string OpenDay = "openday";
    public const string FieldSchool = "fieldschool";
    public const string SkillTraining = "training";
    public const string ScienceDay = "scienceday";
    public const string ScienceWeek = "scienceweek";
    public const string Other = "other";

    public static readonly IReadOnlyList<(string Code, string Label)> All =
    [
        (Lecture, "科普讲座"),
        (HealthLecture, "健康大讲堂"),
        (Caravan, "科普大篷车"),
        (MobileMuseum, "流动科技馆巡展"),
        (OpenDay, "实验室/科普基地开放日"),
        (FieldSchool, "田间学校"),
        (SkillTraining, "技能培训"),
        (ScienceDay, "全国科普日活动"),
        (ScienceWeek, "科技活动周活动"),
        (Other, "其他科普活动"),
    ];

    public static bool IsValid(string? code) => All.Any(k => k.Code == code);

    public static string Label(string code) => All.FirstOrDefault(k => k.Code == code).Label ?? code;
}

public static class EventStatus
{
    public const string Open = "open";
    public const string Cancelled = "cancelled";

    public static string Label(string status) => status == Cancelled ? "已取消" : "报名中";
}

public static class RegistrationStatus
{
    public const string Registered = "registered";
    public const string Waitlisted = "waitlisted";
    public const string Cancelled = "cancelled";

    public static string Label(string status) => status switch
    {
        Registered => "已报名",
        Waitlisted => "候补中",
        _ => "已取消",
    };
}
