namespace Kepu.Web.Infrastructure.Web;

/// <summary>How times and codes are shown to people.</summary>
public static class Display
{
    /// <summary>Beijing time (UTC+8, no daylight saving): what every user of the platform reads clocks in.</summary>
    public static string Beijing(DateTime utc, string format = "yyyy-MM-dd HH:mm") =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).AddHours(8).ToString(format, System.Globalization.CultureInfo.InvariantCulture);
}
