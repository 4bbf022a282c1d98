namespace Kepu.Web.Features.Outreach.Caravans.Entities;

public static class CaravanKinds
{
    public const string Caravan = "caravan";
    public const string Exhibition = "exhibition";

    public static readonly IReadOnlyList<(string Code, string Label)> All = [(Caravan, "科普大篷车"), (Exhibition, "流动科技馆展品")];

    public static bool IsValid(string? code) => All.Any(k => k.Code == code);

    public static string Label(string code) => All.FirstOrDefault(k => k.Code == code).Label ?? code;
}

/// <summary>A 科普大篷车 or a 流动科技馆 exhibition set: where it is based and on which weekdays it works.</summary>
public sealed class CaravanUnit
{
    public const int MaxName = 40;

    private CaravanUnit()
    {
    }

    public CaravanUnit(string name, string kind, string homeDistrictCode, int workingDays, DateTime now)
    {
        Set(name, kind, homeDistrictCode, workingDays, true);
        CreatedAt = now;
    }

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public string Kind { get; private set; } = CaravanKinds.Caravan;
    public string HomeDistrictCode { get; private set; } = "";

    /// <summary>Weekday mask, bit 0 = Monday … bit 6 = Sunday (<see cref="Planning.WorkingCalendar"/>).</summary>
    public int WorkingDays { get; private set; }

    /// <summary>Inactive units (in repair, lent out) keep their history but are not offered to the planner.</summary>
    public bool Active { get; private set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>The values are checked by <see cref="CaravanUnits"/> before they get here.</summary>
    public void Set(string name, string kind, string homeDistrictCode, int workingDays, bool active)
    {
        Name = name;
        Kind = kind;
        HomeDistrictCode = homeDistrictCode;
        WorkingDays = workingDays;
        Active = active;
    }
}

/// <summary>
/// What an administrator set for one target (district or town code): days on site, whether it is a priority area, and the
/// date of the last visit before the platform kept records. Unset values fall back to the defaults (<see cref="CaravanTargets"/>).
/// </summary>
public sealed class CaravanTargetSetting
{
    private CaravanTargetSetting()
    {
    }

    public CaravanTargetSetting(string code) => Code = code;

    public string Code { get; private set; } = "";
    public int? DaysPerStop { get; set; }
    public bool? Priority { get; set; }
    public DateOnly? LastVisit { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>An imported road distance between two places (district or town codes), used in both directions unless the reverse is imported too.</summary>
public sealed class CaravanDistance
{
    private CaravanDistance()
    {
    }

    public CaravanDistance(string fromCode, string toCode, double km)
    {
        FromCode = fromCode;
        ToCode = toCode;
        Km = km;
    }

    public string FromCode { get; private set; } = "";
    public string ToCode { get; private set; } = "";
    public double Km { get; private set; }
}
