using Kepu.Web.Infrastructure.Errors;

namespace Kepu.Web.Features.Outreach.People.Entities;

public static class VolunteerKinds
{
    public static readonly IReadOnlyList<(string Code, string Label)> All =
    [
        ("senior", "银龄科普（退休科技工作者）"),
        ("student", "学生"),
        ("staff", "在职职工"),
        ("other", "其他"),
    ];

    public static bool IsValid(string? code) => All.Any(k => k.Code == code);

    public static string Label(string code) => All.FirstOrDefault(k => k.Code == code).Label ?? code;
}

/// <summary>A registered volunteer: who they are, what they can do, when, and where.</summary>
public sealed class Volunteer
{
    private Volunteer()
    {
    }

    public Volunteer(string userId, DateTime now)
    {
        UserId = userId;
        CreatedAt = now;
    }

    public int Id { get; private set; }
    public string UserId { get; private set; } = "";
    public string Kind { get; private set; } = "";
    public List<string> Skills { get; private set; } = [];

    /// <summary>Days they are usually free, Monday = bit 0 … Sunday = bit 6.</summary>
    public int Weekdays { get; private set; }

    public string Availability { get; private set; } = "";
    public string DistrictCode { get; private set; } = "";

    /// <summary>Former work or school, in a line: 退休前为西南大学农学院教授.</summary>
    public string Background { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public void Set(string kind, IReadOnlyList<string> skills, int weekdays, string availability, string districtCode, string background, DateTime now)
    {
        (Kind, Skills, Weekdays, Availability, DistrictCode, Background, UpdatedAt) = (kind, [.. skills], weekdays, availability, districtCode, background, now);
    }
}

/// <summary>待确认 → 已确认 (counted as 科普工作实绩) or 未确认 (with a reason).</summary>
public static class HoursStates
{
    public const string Submitted = "submitted";
    public const string Confirmed = "confirmed";
    public const string Rejected = "rejected";

    public static string Label(string state) => state switch
    {
        Submitted => "待确认",
        Confirmed => "已确认",
        Rejected => "未确认",
        _ => state,
    };
}

/// <summary>
/// Hours a volunteer served, confirmed by the administrator of the district where they served or by the organising
/// organisation. On confirmation the Learning module records them as 志愿服务 实绩 with a ledger grant.
/// </summary>
public sealed class VolunteerHours
{
    public const decimal MaxHours = 24m;
    public const int MaxReason = 200;

    private VolunteerHours()
    {
    }

    public VolunteerHours(int volunteerId, string userId, DateOnly date, decimal hours, string activity, string place, string districtCode, int? organizationId,
        int served, DateTime now)
    {
        (VolunteerId, UserId, Date, Hours, Activity, Place, DistrictCode, OrganizationId, Served) =
            (volunteerId, userId, date, hours, activity, place, districtCode, organizationId, served);
        State = HoursStates.Submitted;
        CreatedAt = now;
    }

    public int Id { get; private set; }
    public int VolunteerId { get; private set; }
    public string UserId { get; private set; } = "";
    public DateOnly Date { get; private set; }
    public decimal Hours { get; private set; }
    public string Activity { get; private set; } = "";
    public string Place { get; private set; } = "";

    /// <summary>Where they served: its administrator confirms.</summary>
    public string DistrictCode { get; private set; } = "";

    /// <summary>The organising organisation, whose staff may confirm too.</summary>
    public int? OrganizationId { get; private set; }

    public int Served { get; private set; }
    public string State { get; private set; } = HoursStates.Submitted;
    public DateTime CreatedAt { get; private set; }
    public string? DecidedBy { get; private set; }
    public DateTime? DecidedAt { get; private set; }
    public string? Reason { get; private set; }

    /// <summary>The 实绩 record in the Learning module, and its ledger record.</summary>
    public int? ActivityId { get; private set; }

    public long? LedgerSequence { get; private set; }

    /// <summary>Concurrency token: two confirmers at once cannot both succeed.</summary>
    public int Version { get; private set; }

    public void Confirm(string by, DateTime now)
    {
        EnsureDecidable(by);
        (State, DecidedBy, DecidedAt) = (HoursStates.Confirmed, by, now);
        Version++;
    }

    public void Recorded(int activityId, long ledgerSequence) => (ActivityId, LedgerSequence) = (activityId, ledgerSequence);

    public void Reject(string by, string reason, DateTime now)
    {
        EnsureDecidable(by);
        (State, DecidedBy, DecidedAt, Reason) = (HoursStates.Rejected, by, now, reason);
        Version++;
    }

    private void EnsureDecidable(string by)
    {
        if (by == UserId)
        {
            throw new ForbiddenException("不能确认自己的服务时长。");
        }

        if (State != HoursStates.Submitted)
        {
            throw new BusinessRuleException($"这条服务记录{HoursStates.Label(State)}，不能再处理。");
        }
    }
}
