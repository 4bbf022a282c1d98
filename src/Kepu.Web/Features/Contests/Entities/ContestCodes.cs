namespace Kepu.Web.Features.Contests.Entities;

/// <summary>The four kinds of call (征集与评选).</summary>
public static class CallKinds
{
    public const string Creation = "creation";
    public const string Skills = "skills";
    public const string Wuxiao = "wuxiao";
    public const string Award = "award";

    public static readonly IReadOnlyList<(string Code, string Label)> All =
    [
        (Creation, "科普作品创作"),
        (Skills, "职业技能竞赛"),
        (Wuxiao, "五小创新"),
        (Award, "评选表彰"),
    ];

    /// <summary>Categories suggested when an editor creates a call of each kind; the call's own list is what counts.</summary>
    public static IReadOnlyList<string> SuggestedCategories(string kind) => kind switch
    {
        Creation => ["动漫", "短视频", "游戏", "图文", "科普剧"],
        Skills => ["技能操作", "安全生产", "数字技能"],
        Wuxiao => ["小发明", "小创造", "小革新", "小设计", "小建议"],
        _ => ["最美科技工作者", "创新争先奖", "青少年科技创新市长奖"],
    };

    public static bool IsValid(string? code) => All.Any(k => k.Code == code);

    public static string Label(string code) => All.FirstOrDefault(k => k.Code == code).Label ?? code;
}

/// <summary>Where a call is in its life; the dates of each phase are in <see cref="ContestPhase"/>.</summary>
public static class CallStages
{
    public const string Draft = "draft";
    public const string Open = "open";
    public const string Review = "review";
    public const string Publicity = "publicity";
    public const string Published = "published";

    public static string Label(string stage) => stage switch
    {
        Draft => "草稿",
        Open => "征集中",
        Review => "评审中",
        Publicity => "公示中",
        Published => "已公布",
        _ => stage,
    };
}

/// <summary>Phases of a call, in order. Rounds are optional after the first; voting is optional.</summary>
public static class PhaseCodes
{
    public const string Collect = "collect";
    public const string Vote = "vote";
    public const string Round1 = "round1";
    public const string Round2 = "round2";
    public const string Round3 = "round3";
    public const string Publicity = "publicity";
    public const string Publish = "publish";

    public static readonly IReadOnlyList<(string Code, string Label)> All =
    [
        (Collect, "征集"),
        (Vote, "公众投票"),
        (Round1, "初评"),
        (Round2, "复评"),
        (Round3, "终评"),
        (Publicity, "公示"),
        (Publish, "公布"),
    ];

    public static string Label(string code) => All.FirstOrDefault(p => p.Code == code).Label ?? code;

    public static string Round(int number) => $"round{number}";

    public static string RoundLabel(int number, int rounds) => number == rounds && rounds > 1 ? "终评" : Label(Round(number));
}

/// <summary>Who may enter: a person, a team, or an organisation.</summary>
public static class EntrantKinds
{
    public const string Individual = "individual";
    public const string Team = "team";
    public const string Organization = "organization";

    public static readonly IReadOnlyList<(string Code, string Label)> All =
    [
        (Individual, "个人"),
        (Team, "团队"),
        (Organization, "单位"),
    ];

    public static bool IsValid(string? code) => All.Any(k => k.Code == code);

    public static string Label(string code) => All.FirstOrDefault(k => k.Code == code).Label ?? code;
}

public static class EntryStatus
{
    public const string Submitted = "submitted";
    public const string Withdrawn = "withdrawn";
    public const string Out = "out";
    public const string Ranked = "ranked";

    public static string Label(string status) => status switch
    {
        Submitted => "已提交",
        Withdrawn => "已撤回",
        Out => "未晋级",
        Ranked => "已排名",
        _ => status,
    };
}

public static class RoundStatus
{
    public const string Open = "open";
    public const string Closed = "closed";

    public static string Label(string status) => status == Open ? "评审中" : "已结束";
}

public static class AssignmentStatus
{
    public const string Pending = "pending";
    public const string Done = "done";
    public const string Recused = "recused";

    public static string Label(string status) => status switch
    {
        Pending => "待评",
        Done => "已评",
        _ => "已回避",
    };
}
