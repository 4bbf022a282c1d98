using System.Globalization;
using System.Text;
using Kepu.Web.Infrastructure.Errors;

namespace Kepu.Web.Features.Outreach.Venues.Entities;

/// <summary>The eight kinds of venue and base the issue names (科普基地 … 科技名村).</summary>
public static class VenueKinds
{
    public static readonly IReadOnlyList<(string Code, string Label)> All =
    [
        ("science_base", "科普基地"),
        ("museum", "科技馆"),
        ("open_lab", "开放实验室"),
        ("courtyard", "科技小院"),
        ("field_school", "田间学校"),
        ("expert_yard", "专家大院"),
        ("tech_town", "科技强镇"),
        ("tech_village", "科技名村"),
    ];

    public static bool IsValid(string? code) => All.Any(k => k.Code == code);

    public static string Label(string code) => All.FirstOrDefault(k => k.Code == code).Label ?? code;
}

/// <summary>Opening times of one weekday; the close is after the open, both on the hour or half hour.</summary>
public readonly record struct DayHours(TimeOnly Open, TimeOnly Close);

/// <summary>
/// A week of opening hours, Monday (index 0) to Sunday (6); a null day is closed. Stored as text
/// <c>1=09:00-17:00;2=…</c> (ISO weekday numbers), one column that both databases read alike.
/// </summary>
public sealed class WeeklyHours
{
    public static readonly IReadOnlyList<string> DayNames = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"];

    private readonly DayHours?[] _days;

    public WeeklyHours(IReadOnlyList<DayHours?> days)
    {
        if (days.Count != 7)
        {
            throw new ArgumentException("A week has seven days.", nameof(days));
        }

        _days = [.. days];
    }

    public IReadOnlyList<DayHours?> Days => _days;

    public bool AnyOpen => _days.Any(d => d is not null);

    /// <summary>The hours of a calendar day (0 = Monday).</summary>
    public DayHours? On(DateOnly date) => _days[((int)date.DayOfWeek + 6) % 7];

    public static int Index(DateOnly date) => ((int)date.DayOfWeek + 6) % 7;

    public string Format()
    {
        var text = new StringBuilder();
        for (var i = 0; i < 7; i++)
        {
            if (_days[i] is { } d)
            {
                text.Append(CultureInfo.InvariantCulture, $"{(text.Length > 0 ? ";" : "")}{i + 1}={d.Open:HH\\:mm}-{d.Close:HH\\:mm}");
            }
        }

        return text.ToString();
    }

    public static WeeklyHours Parse(string text)
    {
        var days = new DayHours?[7];
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var day = int.Parse(part[..1], CultureInfo.InvariantCulture) - 1;
            var times = part[2..].Split('-');
            days[day] = new DayHours(TimeOnly.ParseExact(times[0], "HH:mm", CultureInfo.InvariantCulture),
                TimeOnly.ParseExact(times[1], "HH:mm", CultureInfo.InvariantCulture));
        }

        return new WeeklyHours(days);
    }

    /// <summary>As people read it: runs of days with the same hours joined, <c>周一至周五 09:00–17:00；周六 09:00–12:00</c>.</summary>
    public string Summary()
    {
        var parts = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            if (_days[i] is not { } h)
            {
                continue;
            }

            var j = i;
            while (j + 1 < 7 && _days[j + 1] == h)
            {
                j++;
            }

            parts.Add($"{DayNames[i]}{(j > i ? "至" + DayNames[j] : "")} {h.Open:HH\\:mm}–{h.Close:HH\\:mm}");
            i = j;
        }

        return string.Join("；", parts);
    }
}

/// <summary>The facts of a venue as a manager enters them, checked by <c>VenueInput</c>.</summary>
public sealed record VenueDetails(string Kind, string Name, string DistrictCode, string? TownCode, string Address, double? Latitude, double? Longitude,
    WeeklyHours Hours, string HoursNote, int Capacity, string Contact, string Description, int? OrganizationId);

/// <summary>
/// A venue or base people visit: where it is, when it is open, how many people it holds at once, and who runs it
/// (an organisation's staff; the district's administrators; platform administrators).
/// </summary>
public sealed class Venue
{
    public const int MaxCapacity = 5000;

    private Venue()
    {
    }

    public Venue(VenueDetails details, string createdBy, DateTime now)
    {
        Set(details);
        CreatedBy = createdBy;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public int Id { get; private set; }
    public string Kind { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string DistrictCode { get; private set; } = "";
    public string? TownCode { get; private set; }
    public string Address { get; private set; } = "";
    public double? Latitude { get; private set; }
    public double? Longitude { get; private set; }

    /// <summary><see cref="WeeklyHours"/> as text.</summary>
    public string OpeningHours { get; private set; } = "";

    public string HoursNote { get; private set; } = "";

    /// <summary>People inside at the same moment.</summary>
    public int Capacity { get; private set; }

    public string Contact { get; private set; } = "";
    public string Description { get; private set; } = "";
    public int? OrganizationId { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public WeeklyHours Hours => WeeklyHours.Parse(OpeningHours);

    public void Update(VenueDetails details, DateTime now)
    {
        Set(details);
        UpdatedAt = now;
    }

    /// <summary>A visit must fit in the day's opening hours.</summary>
    public void EnsureOpen(DateOnly date, TimeOnly start, TimeOnly end)
    {
        if (Hours.On(date) is not { } day)
        {
            throw new BusinessRuleException($"{Name}{WeeklyHours.DayNames[WeeklyHours.Index(date)]}闭馆，请换一天。");
        }

        if (start < day.Open || end > day.Close)
        {
            throw new BusinessRuleException($"{Name}{WeeklyHours.DayNames[WeeklyHours.Index(date)]}的开放时间是 {day.Open:HH\\:mm}–{day.Close:HH\\:mm}，预约时段须在开放时间之内。");
        }
    }

    private void Set(VenueDetails d)
    {
        (Kind, Name, DistrictCode, TownCode, Address, Latitude, Longitude) = (d.Kind, d.Name, d.DistrictCode, d.TownCode, d.Address, d.Latitude, d.Longitude);
        (OpeningHours, HoursNote, Capacity, Contact, Description, OrganizationId) = (d.Hours.Format(), d.HoursNote, d.Capacity, d.Contact, d.Description, d.OrganizationId);
    }
}
