namespace Kepu.Web.Features.Insights.Activity.Demo;

/// <summary>
/// Approximate 2023 resident population (常住人口, 万人) of the 38 districts, rounded, for demo dashboards only: they are
/// stored with the source “演示数据” so nobody takes them for official statistics. Administrators replace them with the
/// statistics bureau's figures (import or edit at /insights/population).
/// </summary>
internal static class DemoPopulation
{
    public const string Source = "演示数据（2023 年常住人口近似值，非官方）";
    public const int Year = 2023;

    public static readonly IReadOnlyDictionary<string, double> TenThousands = new Dictionary<string, double>
    {
        ["500103"] = 58.8, ["500104"] = 42.6, ["500105"] = 92.9, ["500106"] = 148.4, ["500107"] = 154.9, ["500108"] = 121.3,
        ["500109"] = 84.2, ["500112"] = 221.5, ["500113"] = 119.9, ["500102"] = 111.6, ["500115"] = 69.0, ["500116"] = 135.5,
        ["500117"] = 124.0, ["500118"] = 116.2, ["500119"] = 56.9, ["500110"] = 100.0, ["500111"] = 83.0, ["500120"] = 77.5,
        ["500151"] = 69.4, ["500152"] = 68.6, ["500153"] = 67.5, ["500101"] = 156.4, ["500154"] = 118.9, ["500155"] = 64.5,
        ["500229"] = 19.5, ["500230"] = 54.6, ["500231"] = 64.0, ["500233"] = 71.2, ["500235"] = 92.2, ["500236"] = 74.4,
        ["500237"] = 45.3, ["500238"] = 38.6, ["500114"] = 48.6, ["500156"] = 34.9, ["500240"] = 38.7, ["500241"] = 48.2,
        ["500242"] = 55.2, ["500243"] = 49.0,
    };
}
