namespace Kepu.Web.Infrastructure.Web;

/// <summary>How times and codes are shown to people.</summary>
public static class Display
{
    /// <summary>Beijing time (UTC+8, no daylight saving): what every user of the platform reads clocks in.</summary>
    public static string Beijing(DateTime utc, string format = "yyyy-MM-dd HH:mm") =>
        ToBeijing(utc).ToString(format, System.Globalization.CultureInfo.InvariantCulture);

    public static DateTime ToBeijing(DateTime utc) => DateTime.SpecifyKind(DateTime.SpecifyKind(utc, DateTimeKind.Utc).AddHours(8), DateTimeKind.Unspecified);

    /// <summary>The Beijing calendar day of a UTC instant (daily caps, streaks and digests count these).</summary>
    public static DateOnly BeijingDay(DateTime utc) => DateOnly.FromDateTime(ToBeijing(utc));

    /// <summary>The UTC instant of a Beijing wall-clock time (a UTC <see cref="DateTime"/>, as PostgreSQL requires).</summary>
    public static DateTime FromBeijing(DateOnly day, TimeOnly time) => DateTime.SpecifyKind(day.ToDateTime(time).AddHours(-8), DateTimeKind.Utc);
}
