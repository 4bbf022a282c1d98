using Kepu.Web.Features.Insights.Activity;

namespace Kepu.Web.Features.Insights.Dashboards;

/// <summary>A figure the dashboards show: the sum of one kind's amounts, divided for units (minutes → hours).</summary>
/// <param name="MonthlyAverage">Over several months the figure is the average month (active people: the same person counts in each month).</param>
public sealed record Metric(string Code, string Label, string Unit, string Kind, double Divisor = 1, bool MonthlyAverage = false, string? Note = null);

/// <summary>The reach figures of issue 8 item 5, in the order the tables show them.</summary>
public static class Metrics
{
    public static readonly Metric Active = new("active", "活跃用户", "人", ActivityKinds.Active, MonthlyAverage: true,
        Note: "当月有任何一次记录的注册用户；跨多月时为月均");
    public static readonly Metric Views = new("views", "内容浏览", "次", ActivityKinds.View, Note: "登录用户打开科普内容的次数");
    public static readonly Metric Hours = new("hours", "学习时长", "小时", ActivityKinds.Lesson, Divisor: 60, Note: "学完的课时按课时时长计");
    public static readonly Metric Quizzes = new("quizzes", "答题参与", "人次", ActivityKinds.Quiz, Note: "课时测验、每日答题、挑战答题、考试交卷");
    public static readonly Metric Events = new("events", "科普活动", "场", ActivityKinds.Event, Note: "填报了活动总结的活动，计入开始的月份");
    public static readonly Metric Participants = new("participants", "活动参与", "人次", ActivityKinds.Attendance, Note: "活动总结填报的到场人数");
    public static readonly Metric Registrations = new("registrations", "活动报名", "人次", ActivityKinds.Registration);
    public static readonly Metric CheckIns = new("checkins", "现场签到", "人次", ActivityKinds.CheckIn);
    public static readonly Metric Caravans = new("caravans", "大篷车到访", "站次", ActivityKinds.Caravan, Note: "科普大篷车、流动科技馆完成的站点，计入开始的月份");
    public static readonly Metric Checks = new("checks", "查一查", "次", ActivityKinds.Check);
    public static readonly Metric Debunks = new("debunks", "辟谣发布", "条", ActivityKinds.Debunk, Note: "专家发布的辟谣结论（全市，不分区县）");

    public static readonly IReadOnlyList<Metric> All = [Active, Views, Hours, Quizzes, Events, Participants, Registrations, CheckIns, Caravans, Checks, Debunks];

    public static Metric? Find(string? code) => All.FirstOrDefault(m => m.Code == code);
}
