using Kepu.Web.Infrastructure.Errors;

namespace Kepu.Web.Features.Outreach.Caravans.Entities;

public static class PlanTargetKinds
{
    public const string Remote = "remote";
    public const string Towns = "towns";

    public static string Label(string kind) => kind == Towns ? "乡镇（街道）" : "边远涉农区县";
}

public static class PlanStates
{
    public const string Draft = "draft";
    public const string Adopted = "adopted";

    public static string Label(string state) => state == Adopted ? "已采用" : "草稿";
}

public static class VisitStates
{
    public const string Planned = "planned";
    public const string Done = "done";
    public const string Cancelled = "cancelled";

    public static string Label(string state) => state switch
    {
        Done => "已完成",
        Cancelled => "已取消",
        _ => "待出发",
    };
}

/// <summary>
/// A schedule for a period, as the planner made it: a draft until an administrator adopts it, which books its days for
/// its units (a unit cannot be booked twice on one day, across plans).
/// </summary>
public sealed class CaravanPlan
{
    public const int MaxName = 60;

    private CaravanPlan()
    {
    }

    public CaravanPlan(string name, DateOnly from, DateOnly to, string targets, List<string> districts, string createdBy, DateTime now)
    {
        Name = name;
        From = from;
        To = to;
        Targets = targets;
        Districts = districts;
        CreatedById = createdBy;
        CreatedAt = now;
        Status = PlanStates.Draft;
    }

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }

    /// <summary><see cref="PlanTargetKinds"/>.</summary>
    public string Targets { get; private set; } = PlanTargetKinds.Remote;

    /// <summary>When not empty, only these districts (remote ones, or the towns in them) were planned.</summary>
    public List<string> Districts { get; private set; } = [];

    public string CreatedById { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public string Status { get; private set; } = PlanStates.Draft;
    public DateTime? AdoptedAt { get; private set; }
    public double TravelKm { get; private set; }
    public double LowerBoundKm { get; private set; }
    public long SolveMs { get; private set; }

    /// <summary>Targets that did not fit into the period.</summary>
    public List<string> Unplanned { get; private set; } = [];

    public List<CaravanPlanUnit> Units { get; private set; } = [];
    public List<CaravanVisit> Visits { get; private set; } = [];

    public void Solved(double travelKm, double lowerBoundKm, long solveMs, List<string> unplanned)
    {
        TravelKm = travelKm;
        LowerBoundKm = lowerBoundKm;
        SolveMs = solveMs;
        Unplanned = unplanned;
    }

    /// <summary>Books every planned day; the caller has checked that none of them is taken.</summary>
    public void Adopt(DateTime now)
    {
        if (Status == PlanStates.Adopted)
        {
            throw new BusinessRuleException("这个计划已经采用过了。");
        }

        Status = PlanStates.Adopted;
        AdoptedAt = now;
        foreach (var visit in Visits)
        {
            visit.Book();
        }
    }
}

/// <summary>A unit taking part in a plan, with its kilometres (including the drive home) and working days used.</summary>
public sealed class CaravanPlanUnit
{
    private CaravanPlanUnit()
    {
    }

    public CaravanPlanUnit(int unitId, string unitName, double km, double returnKm)
    {
        UnitId = unitId;
        UnitName = unitName;
        Km = km;
        ReturnKm = returnKm;
    }

    public int PlanId { get; private set; }
    public int UnitId { get; private set; }

    /// <summary>The unit's name when planned (kept if the unit is renamed later).</summary>
    public string UnitName { get; private set; } = "";

    public double Km { get; private set; }
    public double ReturnKm { get; private set; }
}

/// <summary>
/// One day of one unit at one target. A stop of n days is n rows sharing <see cref="Sequence"/>; the drive to the stop
/// is on its first day. <see cref="BookedDay"/> is the date while the plan is adopted and the visit not cancelled, and
/// null otherwise; a unique index on (unit, booked day) keeps a unit out of two places on one day.
/// </summary>
public sealed class CaravanVisit
{
    private CaravanVisit()
    {
    }

    public CaravanVisit(int unitId, int sequence, int dayOfStop, string targetCode, string targetName, string targetDistrictCode, DateOnly date, double kmFromPrevious)
    {
        UnitId = unitId;
        Sequence = sequence;
        DayOfStop = dayOfStop;
        TargetCode = targetCode;
        TargetName = targetName;
        TargetDistrictCode = targetDistrictCode;
        Date = date;
        KmFromPrevious = kmFromPrevious;
        Status = VisitStates.Planned;
    }

    public int Id { get; private set; }
    public int PlanId { get; private set; }
    public int UnitId { get; private set; }

    /// <summary>The stop's number on the unit's route (1, 2, …).</summary>
    public int Sequence { get; private set; }

    /// <summary>1 for the first day of the stop.</summary>
    public int DayOfStop { get; private set; }

    public string TargetCode { get; private set; } = "";
    public string TargetName { get; private set; } = "";
    public string TargetDistrictCode { get; private set; } = "";
    public DateOnly Date { get; private set; }
    public double KmFromPrevious { get; private set; }
    public string Status { get; private set; } = VisitStates.Planned;
    public DateOnly? BookedDay { get; private set; }
    public DateTime? UpdatedAt { get; private set; }
    public string? UpdatedById { get; private set; }

    internal void Book() => BookedDay = Status == VisitStates.Cancelled ? null : Date;

    /// <summary>A stop is done once its first day (<paramref name="stopStart"/>) has come; a stop cut short is still a visit.</summary>
    public void MarkDone(DateOnly stopStart, DateOnly today, string by, DateTime now)
    {
        EnsurePlanned();
        if (stopStart > today)
        {
            throw new BusinessRuleException($"这一站 {stopStart:yyyy-MM-dd} 才开始，还不能标记为已完成。");
        }

        Status = VisitStates.Done;
        UpdatedAt = now;
        UpdatedById = by;
    }

    public void Cancel(string by, DateTime now)
    {
        EnsurePlanned();
        Status = VisitStates.Cancelled;
        BookedDay = null;
        UpdatedAt = now;
        UpdatedById = by;
    }

    private void EnsurePlanned()
    {
        if (Status != VisitStates.Planned)
        {
            throw new BusinessRuleException($"这一站已{VisitStates.Label(Status)}，不能再更改。");
        }
    }
}
