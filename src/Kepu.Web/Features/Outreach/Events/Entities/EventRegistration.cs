using Kepu.Web.Infrastructure.Errors;

namespace Kepu.Web.Features.Outreach.Events.Entities;

/// <summary>One person's place at an event: a seat, or a place on the waitlist; checked in on the day.</summary>
public sealed class EventRegistration
{
    public const int MaxNote = 100;

    private EventRegistration()
    {
    }

    public EventRegistration(int eventId, string userId, string status, DateTime now)
    {
        EventId = eventId;
        UserId = userId;
        Status = status;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public int Id { get; private set; }
    public int EventId { get; private set; }
    public string UserId { get; private set; } = "";
    public string Status { get; private set; } = RegistrationStatus.Registered;
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public DateTime? PromotedAt { get; private set; }
    public DateTime? CheckedInAt { get; private set; }

    public bool IsActive => Status != RegistrationStatus.Cancelled;

    /// <summary>Registering again after cancelling reuses the row: a new place at the back of the queue.</summary>
    public void Renew(string status, DateTime now)
    {
        if (IsActive)
        {
            throw new BusinessRuleException(Status == RegistrationStatus.Waitlisted ? "您已在候补名单中。" : "您已经报过名了。");
        }

        Status = status;
        CreatedAt = now;
        UpdatedAt = now;
        PromotedAt = null;
        CheckedInAt = null;
    }

    public string Cancel(DateTime now)
    {
        if (!IsActive)
        {
            throw new BusinessRuleException("这条报名已经取消了。");
        }

        if (CheckedInAt is not null)
        {
            throw new BusinessRuleException("已经签到，不能取消报名。");
        }

        var previous = Status;
        Status = RegistrationStatus.Cancelled;
        UpdatedAt = now;
        return previous;
    }

    public void Promote(DateTime now)
    {
        Status = RegistrationStatus.Registered;
        PromotedAt = now;
        UpdatedAt = now;
    }

    /// <summary>True when this call checked the person in; false when they already were.</summary>
    public bool CheckIn(DateTime now)
    {
        if (Status != RegistrationStatus.Registered)
        {
            throw new BusinessRuleException(Status == RegistrationStatus.Waitlisted ? "您还在候补名单中，没有座位，不能签到。" : "报名已取消，不能签到。");
        }

        if (CheckedInAt is not null)
        {
            return false;
        }

        CheckedInAt = now;
        UpdatedAt = now;
        return true;
    }
}
