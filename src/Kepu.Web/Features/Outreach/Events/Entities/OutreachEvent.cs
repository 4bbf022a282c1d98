using System.Security.Cryptography;
using Kepu.Web.Infrastructure.Errors;

namespace Kepu.Web.Features.Outreach.Events.Entities;

/// <summary>Where and when an event happens and for whom; what the organiser writes when they create or edit it.</summary>
public sealed record EventDetails(
    string Kind, string Title, string Description, string District, string? Town, string Place, int? VenueId,
    IReadOnlyList<string> Audiences, DateTime StartsAt, DateTime EndsAt, int Capacity, string OrganizerName);

/// <summary>
/// An event (科普活动): people register until it is full, then join the waitlist; a seat freed by a cancellation goes to
/// the first on the waitlist. The counters live on the event and change under its concurrency token, so two people
/// taking the last seat at once cannot both get it: the second save fails and is retried against fresh numbers.
/// </summary>
public sealed class OutreachEvent
{
    public const int MaxTitle = 100;
    public const int MaxDescription = 4000;
    public const int MaxPlace = 200;
    public const int MaxCapacity = 100_000;
    public const int MaxReport = 4000;
    public const int MaxPhotos = 9;

    private OutreachEvent()
    {
    }

    public OutreachEvent(string createdBy, EventDetails details, DateTime now)
    {
        CreatedBy = createdBy;
        CreatedAt = now;
        CheckInSecret = NewSecret();
        Apply(details);
    }

    public int Id { get; private set; }
    public string Kind { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string Description { get; private set; } = "";
    public string DistrictCode { get; private set; } = "";
    public string? TownCode { get; private set; }
    public string Place { get; private set; } = "";
    public int? VenueId { get; private set; }
    public List<string> Audiences { get; private set; } = [];
    public DateTime StartsAt { get; private set; }
    public DateTime EndsAt { get; private set; }
    public int Capacity { get; private set; }
    public string OrganizerName { get; private set; } = "";
    public string CreatedBy { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public string Status { get; private set; } = EventStatus.Open;

    /// <summary>The expert giving the lecture (点单 events and others that name one).</summary>
    public string? ExpertId { get; private set; }

    /// <summary>The 点单 order this event fulfils.</summary>
    public int? OrderId { get; private set; }

    public int RegisteredCount { get; private set; }
    public int WaitlistCount { get; private set; }
    public int CheckedInCount { get; private set; }

    /// <summary>In the QR code shown at the venue: whoever scans it while the event is on checks themselves in.</summary>
    public string CheckInSecret { get; private set; } = "";

    public string? ReportSummary { get; private set; }
    public int? Attendance { get; private set; }
    public List<string> ReportPhotos { get; private set; } = [];
    public DateTime? ReportedAt { get; private set; }

    public int Version { get; private set; }

    public bool IsFull => RegisteredCount >= Capacity;

    public void Apply(EventDetails d)
    {
        if (d.Capacity < RegisteredCount)
        {
            throw new BusinessRuleException($"已有 {RegisteredCount} 人报名，名额不能少于 {RegisteredCount}。");
        }

        Kind = d.Kind;
        Title = d.Title;
        Description = d.Description;
        DistrictCode = d.District;
        TownCode = d.Town;
        Place = d.Place;
        VenueId = d.VenueId;
        Audiences = [.. d.Audiences];
        StartsAt = d.StartsAt;
        EndsAt = d.EndsAt;
        Capacity = d.Capacity;
        OrganizerName = d.OrganizerName;
        Version++;
    }

    public void ForOrder(int orderId, string expertId)
    {
        OrderId = orderId;
        ExpertId = expertId;
    }

    /// <summary>Names the expert who gives the lecture (not through an order).</summary>
    public void AssignExpert(string expertId) => ExpertId = expertId;

    public void EnsureOpenForRegistration(DateTime now)
    {
        if (Status == EventStatus.Cancelled)
        {
            throw new BusinessRuleException("活动已取消，不能报名。");
        }

        if (now >= EndsAt)
        {
            throw new BusinessRuleException("活动已经结束，不能报名。");
        }
    }

    /// <summary>Takes a seat, or a waitlist place when the event is full; returns the status given.</summary>
    public string TakePlace(DateTime now)
    {
        EnsureOpenForRegistration(now);
        Version++;
        if (IsFull)
        {
            WaitlistCount++;
            return RegistrationStatus.Waitlisted;
        }

        RegisteredCount++;
        return RegistrationStatus.Registered;
    }

    /// <summary>A registration was cancelled; true when its seat should pass to the first on the waitlist.</summary>
    public bool Release(string previousStatus)
    {
        Version++;
        if (previousStatus == RegistrationStatus.Waitlisted)
        {
            WaitlistCount--;
            return false;
        }

        RegisteredCount--;
        return WaitlistCount > 0;
    }

    public void Promoted()
    {
        WaitlistCount--;
        RegisteredCount++;
        Version++;
    }

    /// <summary>Check-in opens an hour before the start and closes at the end.</summary>
    public void EnsureCheckInOpen(DateTime now)
    {
        if (Status == EventStatus.Cancelled)
        {
            throw new BusinessRuleException("活动已取消。");
        }

        if (now < StartsAt.AddHours(-1) || now > EndsAt)
        {
            throw new BusinessRuleException("现在不在签到时间内：活动开始前 1 小时到结束前可以签到。");
        }
    }

    public void CheckedIn()
    {
        CheckedInCount++;
        Version++;
    }

    public void Cancel()
    {
        if (Status == EventStatus.Cancelled)
        {
            throw new BusinessRuleException("活动已经取消了。");
        }

        Status = EventStatus.Cancelled;
        Version++;
    }

    /// <summary>The report after the event: how many came, what happened, photos.</summary>
    public void Report(int attendance, string summary, IReadOnlyList<string> photos, DateTime now)
    {
        if (now < StartsAt)
        {
            throw new BusinessRuleException("活动还没开始，结束后再填写总结。");
        }

        if (Status == EventStatus.Cancelled)
        {
            throw new BusinessRuleException("活动已取消，不能填写总结。");
        }

        Attendance = attendance;
        ReportSummary = summary;
        ReportPhotos = [.. ReportPhotos.Concat(photos).Distinct().Take(MaxPhotos)];
        ReportedAt = now;
        Version++;
    }

    private static string NewSecret() => Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();
}
