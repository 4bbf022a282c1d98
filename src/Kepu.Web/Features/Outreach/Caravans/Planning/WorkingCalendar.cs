namespace Kepu.Web.Features.Outreach.Caravans.Planning;

/// <summary>
/// The days a unit may work: its working weekdays within the period, minus statutory public holidays
/// (<see cref="PublicHolidays"/>) and days it is already booked by an adopted plan.
/// </summary>
public static class WorkingCalendar
{
    /// <summary>Monday to Friday as a weekday mask (bit 0 = Monday … bit 6 = Sunday).</summary>
    public const int Weekdays = 0b0011111;

    public static bool Works(int mask, DayOfWeek day) => (mask & Bit(day)) != 0;

    public static int Bit(DayOfWeek day) => 1 << (((int)day + 6) % 7);

    public static IReadOnlyList<DateOnly> Days(DateOnly from, DateOnly to, int mask, IReadOnlySet<DateOnly>? booked = null)
    {
        var days = new List<DateOnly>();
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            if (Works(mask, d.DayOfWeek) && !PublicHolidays.Contains(d) && booked?.Contains(d) != true)
            {
                days.Add(d);
            }
        }

        return days;
    }

    /// <summary>"一二三四五" for Monday to Friday.</summary>
    public static string Label(int mask) =>
        string.Concat(Enumerable.Range(0, 7).Where(i => (mask & (1 << i)) != 0).Select(i => "一二三四五六日"[i]));
}
