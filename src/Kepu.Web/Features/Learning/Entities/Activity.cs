using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Validation;

namespace Kepu.Web.Features.Learning.Entities;

/// <summary>Kinds of science-popularisation work a person records, and how many hours of each make one 学分.</summary>
public static class ActivityKinds
{
    public const string Lecture = "lecture";
    public const string Article = "article";
    public const string Video = "video";
    public const string Event = "event";
    public const string Volunteering = "volunteering";

    public static readonly IReadOnlyList<(string Code, string Label)> All =
    [
        (Lecture, "讲座"),
        (Article, "文章"),
        (Video, "视频"),
        (Event, "活动"),
        (Volunteering, "志愿服务"),
    ];

    public static bool IsValid(string? code) => All.Any(a => a.Code == code);

    public static string Label(string code) => All.FirstOrDefault(a => a.Code == code).Label ?? code;

    /// <summary>
    /// Lectures, articles and videos are prepared and given by the person: 2 hours make a 学分. Events and volunteering
    /// are mostly time on site: 4 hours make a 学分.
    /// </summary>
    public static decimal HoursPerCredit(string kind) => kind is Event or Volunteering ? 4m : 2m;

    /// <summary>The rule above as people read it.</summary>
    public const string CreditRule = "讲座、文章、视频每 2 学时折 1 学分，活动、志愿服务每 4 学时折 1 学分";

    /// <summary>Credits for approved hours: hours ÷ <see cref="HoursPerCredit"/>, rounded down to a tenth.</summary>
    public static decimal Credits(string kind, decimal hours) => Math.Floor(hours / HoursPerCredit(kind) * 10m) / 10m;
}

/// <summary>待审核 → 已认定, or → 已退回 → (edited) 待审核 again.</summary>
public static class ActivityStates
{
    public const string Submitted = "submitted";
    public const string Approved = "approved";
    public const string Returned = "returned";

    public static readonly IReadOnlyList<string> All = [Submitted, Approved, Returned];

    public static string Label(string state) => state switch
    {
        Submitted => "待审核",
        Approved => "已认定",
        Returned => "已退回",
        _ => state,
    };
}

/// <summary>What a person says they did, checked (see <c>ActivityInput</c>): the reviewer is an organisation or a supervisor.</summary>
public sealed record ActivityDetails(string Kind, string Title, DateOnly Date, string Place, int Audience, decimal Hours, string Evidence,
    int? OrganizationId, string? SupervisorId, string? Supervisor);

/// <summary>
/// 科普工作实绩: one lecture, article, video, event or volunteering a person did, sent to one of their organisations or
/// to a named supervisor. A manager of that organisation (or the supervisor, or an administrator) approves it, granting
/// hours and credits recorded on the ledger, or returns it with a reason; the owner may then edit and send it again.
/// </summary>
public sealed class ScienceActivity
{
    public const decimal MinHours = 0.5m;
    public const decimal MaxHours = 100m;
    public const int MaxReason = 300;

    private ScienceActivity()
    {
    }

    public ScienceActivity(string ownerId, ActivityDetails details, DateTime now)
    {
        OwnerId = ownerId;
        Set(details);
        State = ActivityStates.Submitted;
        CreatedAt = now;
        SubmittedAt = now;
        Submissions = 1;
    }

    public int Id { get; private set; }
    public string OwnerId { get; private set; } = "";
    public string Kind { get; private set; } = "";
    public string Title { get; private set; } = "";
    public DateOnly Date { get; private set; }
    public string Place { get; private set; } = "";
    public int Audience { get; private set; }

    /// <summary>Hours the person claims, in half hours.</summary>
    public decimal Hours { get; private set; }

    /// <summary>A <c>/media/…</c> address of an uploaded file or an http(s) link.</summary>
    public string Evidence { get; private set; } = "";

    /// <summary>Reviewed by this organisation's managers, or (when null) by <see cref="SupervisorId"/>.</summary>
    public int? OrganizationId { get; private set; }

    public string? SupervisorId { get; private set; }

    /// <summary>The supervisor's user name as the person gave it (to show, and to fill the form when editing).</summary>
    public string? Supervisor { get; private set; }

    public string State { get; private set; } = ActivityStates.Submitted;
    public DateTime CreatedAt { get; private set; }
    public DateTime SubmittedAt { get; private set; }

    /// <summary>How many times it was sent for review (1 + resubmissions).</summary>
    public int Submissions { get; private set; }

    /// <summary>Why it was last returned; kept after a resubmission so the reviewer sees what was asked.</summary>
    public string? ReturnReason { get; private set; }

    public string? ReviewerId { get; private set; }
    public DateTime? ReviewedAt { get; private set; }
    public decimal? GrantedHours { get; private set; }
    public decimal? GrantedCredits { get; private set; }

    /// <summary>The ledger record of the grant.</summary>
    public long? LedgerSequence { get; private set; }

    /// <summary>Concurrency token: two reviewers acting at once cannot both succeed.</summary>
    public int Version { get; private set; }

    /// <summary>Only the owner edits, and only a returned activity (checked before the new details are).</summary>
    public void EnsureEditableBy(string userId)
    {
        if (userId != OwnerId)
        {
            throw new ForbiddenException("只有本人可以修改自己的活动记录。");
        }

        if (State != ActivityStates.Returned)
        {
            throw new BusinessRuleException(State == ActivityStates.Approved ? "已认定的活动不能再修改。" : "正在审核的活动不能修改；被退回后才能修改再提交。");
        }
    }

    /// <summary>The owner edits a returned activity and sends it for review again.</summary>
    public void Resubmit(string userId, ActivityDetails details, DateTime now)
    {
        EnsureEditableBy(userId);
        Set(details);
        State = ActivityStates.Submitted;
        SubmittedAt = now;
        Submissions++;
        (ReviewerId, ReviewedAt) = (null, null);
        Version++;
    }

    /// <summary>Approves it with the hours the reviewer accepts (at most those claimed); returns the credits granted.</summary>
    public decimal Approve(string reviewerId, decimal hours, DateTime now)
    {
        EnsureReviewable(reviewerId);
        if (hours < MinHours || hours > Hours || hours % 0.5m != 0)
        {
            throw new ValidationFailedException(new Dictionary<string, string[]>
            {
                ["hours"] = [$"认定学时须在 {MinHours} 到 {Hours} 小时（申报的学时）之间，以半小时计。"],
            });
        }

        State = ActivityStates.Approved;
        (ReviewerId, ReviewedAt) = (reviewerId, now);
        GrantedHours = hours;
        GrantedCredits = ActivityKinds.Credits(Kind, hours);
        Version++;
        return GrantedCredits.Value;
    }

    /// <summary>The grant's ledger record, appended in the same transaction as the approval.</summary>
    public void Recorded(long ledgerSequence)
    {
        if (State != ActivityStates.Approved || LedgerSequence is not null)
        {
            throw new BusinessRuleException("只有刚认定的活动才记入账本。");
        }

        LedgerSequence = ledgerSequence;
    }

    public void Return(string reviewerId, string? reason, DateTime now)
    {
        EnsureReviewable(reviewerId);
        var text = reason?.Trim() ?? "";
        if (text.Length == 0 || text.Length > MaxReason)
        {
            throw new ValidationFailedException(new Dictionary<string, string[]> { ["reason"] = [$"退回须说明原因（最多 {MaxReason} 个字），告诉对方要补充或修改什么。"] });
        }

        if (TextRules.HasControlCharacters(text) || TextRules.HasMarkup(text))
        {
            throw new ValidationFailedException(new Dictionary<string, string[]> { ["reason"] = ["退回原因不能包含控制字符或 < >。"] });
        }

        State = ActivityStates.Returned;
        ReturnReason = text;
        (ReviewerId, ReviewedAt) = (reviewerId, now);
        Version++;
    }

    private void EnsureReviewable(string reviewerId)
    {
        if (reviewerId == OwnerId)
        {
            throw new ForbiddenException("不能审核自己的活动。");
        }

        if (State != ActivityStates.Submitted)
        {
            throw new BusinessRuleException($"这条活动{ActivityStates.Label(State)}，不在待审核状态。");
        }
    }

    private void Set(ActivityDetails d)
    {
        (Kind, Title, Date, Place, Audience, Hours, Evidence) = (d.Kind, d.Title, d.Date, d.Place, d.Audience, d.Hours, d.Evidence);
        (OrganizationId, SupervisorId, Supervisor) = (d.OrganizationId, d.SupervisorId, d.Supervisor);
    }
}
