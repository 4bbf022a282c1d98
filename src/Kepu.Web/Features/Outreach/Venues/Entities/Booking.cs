using Kepu.Web.Infrastructure.Errors;

namespace Kepu.Web.Features.Outreach.Venues.Entities;

/// <summary>Who comes: a school class, a community group, a company's staff, or another group.</summary>
public static class GroupKinds
{
    public static readonly IReadOnlyList<(string Code, string Label)> All =
    [
        ("school", "学校"),
        ("community", "社区"),
        ("company", "企业单位"),
        ("other", "其他团体"),
    ];

    public static bool IsValid(string? code) => All.Any(k => k.Code == code);

    public static string Label(string code) => All.FirstOrDefault(k => k.Code == code).Label ?? code;
}

/// <summary>待确认 → 已确认 or 已婉拒; either of the first two may be 已取消. Pending and confirmed bookings hold places.</summary>
public static class BookingStates
{
    public const string Pending = "pending";
    public const string Confirmed = "confirmed";
    public const string Declined = "declined";
    public const string Cancelled = "cancelled";

    public static readonly IReadOnlyList<string> Holding = [Pending, Confirmed];

    public static string Label(string state) => state switch
    {
        Pending => "待确认",
        Confirmed => "已确认",
        Declined => "已婉拒",
        Cancelled => "已取消",
        _ => state,
    };
}

/// <summary>A group's visit: one date, a time within opening hours, so many people.</summary>
public sealed class VenueBooking
{
    public const int MaxReason = 200;

    private VenueBooking()
    {
    }

    public VenueBooking(int venueId, DateOnly date, TimeOnly start, TimeOnly end, string groupKind, string groupName, string contact, string phone, int size,
        string bookedBy, DateTime now)
    {
        (VenueId, Date, Start, End, GroupKind, GroupName, Contact, Phone, Size) = (venueId, date, start, end, groupKind, groupName, contact, phone, size);
        BookedBy = bookedBy;
        CreatedAt = now;
        State = BookingStates.Pending;
    }

    public int Id { get; private set; }
    public int VenueId { get; private set; }
    public DateOnly Date { get; private set; }
    public TimeOnly Start { get; private set; }
    public TimeOnly End { get; private set; }
    public string GroupKind { get; private set; } = "";
    public string GroupName { get; private set; } = "";
    public string Contact { get; private set; } = "";
    public string Phone { get; private set; } = "";
    public int Size { get; private set; }
    public string BookedBy { get; private set; } = "";
    public string State { get; private set; } = BookingStates.Pending;
    public DateTime CreatedAt { get; private set; }
    public string? DecidedBy { get; private set; }
    public DateTime? DecidedAt { get; private set; }

    /// <summary>Why it was declined or cancelled (optional).</summary>
    public string? Reason { get; private set; }

    public bool Holds => State is BookingStates.Pending or BookingStates.Confirmed;

    public bool Overlaps(TimeOnly start, TimeOnly end) => Start < end && start < End;

    public void Confirm(string by, DateTime now)
    {
        if (State != BookingStates.Pending)
        {
            throw new BusinessRuleException($"这条预约{BookingStates.Label(State)}，只有待确认的预约可以确认。");
        }

        (State, DecidedBy, DecidedAt) = (BookingStates.Confirmed, by, now);
    }

    public void Decline(string by, string? reason, DateTime now)
    {
        if (State != BookingStates.Pending)
        {
            throw new BusinessRuleException($"这条预约{BookingStates.Label(State)}，只有待确认的预约可以婉拒。");
        }

        (State, DecidedBy, DecidedAt, Reason) = (BookingStates.Declined, by, now, reason);
    }

    public void Cancel(string by, string? reason, DateTime now)
    {
        if (!Holds)
        {
            throw new BusinessRuleException($"这条预约{BookingStates.Label(State)}，不能再取消。");
        }

        (State, DecidedBy, DecidedAt, Reason) = (BookingStates.Cancelled, by, now, reason);
    }

    /// <summary>
    /// The most people inside at once during [start, end) if <paramref name="size"/> more come: the load only rises
    /// when a visit starts, so it is enough to add up the visits present at this visit's start and at each later start inside it.
    /// </summary>
    public static int PeakWith(IReadOnlyCollection<VenueBooking> sameDay, TimeOnly start, TimeOnly end, int size)
    {
        var overlapping = sameDay.Where(b => b.Holds && b.Overlaps(start, end)).ToList();
        var moments = overlapping.Select(b => b.Start).Where(s => s > start).Append(start);
        return moments.Max(t => overlapping.Where(b => b.Start <= t && t < b.End).Sum(b => b.Size)) + size;
    }
}

/// <summary>开放日: a date on which individuals register a place, up to a capacity of its own.</summary>
public sealed class OpenDay
{
    private OpenDay()
    {
    }

    public OpenDay(int venueId, string title, DateOnly date, TimeOnly start, TimeOnly end, int capacity, string note, string createdBy, DateTime now)
    {
        (VenueId, Title, Date, Start, End, Capacity, Note) = (venueId, title, date, start, end, capacity, note);
        CreatedBy = createdBy;
        CreatedAt = now;
    }

    public int Id { get; private set; }
    public int VenueId { get; private set; }
    public string Title { get; private set; } = "";
    public DateOnly Date { get; private set; }
    public TimeOnly Start { get; private set; }
    public TimeOnly End { get; private set; }
    public int Capacity { get; private set; }

    /// <summary>
    /// Places taken. Kept on the row and raised by one conditional UPDATE (<c>WHERE registered &lt; capacity</c>), so two
    /// people asking for the last place at the same moment cannot both get it, on PostgreSQL or SQLite.
    /// </summary>
    public int Registered { get; private set; }

    public string Note { get; private set; } = "";
    public string CreatedBy { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
}

/// <summary>One person's place on an open day (one per person: a unique index).</summary>
public sealed class OpenDayRegistration
{
    private OpenDayRegistration()
    {
    }

    public OpenDayRegistration(int openDayId, string userId, DateTime now) => (OpenDayId, UserId, CreatedAt) = (openDayId, userId, now);

    public int Id { get; private set; }
    public int OpenDayId { get; private set; }
    public string UserId { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
}
