namespace Kepu.Web.Features.Insights.Dashboards;

public sealed record MetricView(string Code, string Label, string Unit, string? Note)
{
    public static MetricView Of(Metric m) => new(m.Code, m.Label, m.Unit, m.Note);
}

/// <summary>One row of a dashboard table: a district, region group, audience group or month, with every metric.</summary>
/// <param name="Population">Resident population when known for every district in the row; null otherwise (and for audience rows).</param>
/// <param name="Per10k">Each metric per 10,000 residents; null where the population is not known.</param>
public sealed record ReachRow(string Key, string Label, long? Population, IReadOnlyDictionary<string, double> Values, IReadOnlyDictionary<string, double?> Per10k)
{
    public double Value(Metric metric) => Values.GetValueOrDefault(metric.Code);

    public double? Rate(Metric metric) => Per10k.GetValueOrDefault(metric.Code);
}

/// <summary>A dashboard table: rows grouped one way (district, region, audience, month) and the total over them.</summary>
public sealed record ReachTable(string GroupBy, string GroupLabel, IReadOnlyList<ReachRow> Rows, ReachRow Total);

/// <summary>A remote district (边远涉农) in one month: covered when an event was held or a caravan stopped there.</summary>
public sealed record CoverageRow(string District, string Name, string Group, double Events, double Caravans, double Participants, double Active)
{
    public bool Covered => Events + Caravans > 0;
}

public sealed record CoverageView(string Month, IReadOnlyList<CoverageRow> Rows)
{
    public int CoveredCount => Rows.Count(r => r.Covered);
}

/// <summary>Everything the dashboard page shows for one scope.</summary>
public sealed record ReachReport(ReachScope Scope, IReadOnlyList<MetricView> Metrics, ReachTable Districts, ReachTable? Regions, ReachTable Audiences,
    ReachTable Months, CoverageView Coverage)
{
    public ReachTable Table(string groupBy) => groupBy switch
    {
        ReachGroups.Region => Regions ?? Districts,
        ReachGroups.Audience => Audiences,
        ReachGroups.Month => Months,
        _ => Districts,
    };
}

public static class ReachGroups
{
    public const string District = "district";
    public const string Region = "region";
    public const string Audience = "audience";
    public const string Month = "month";

    public static readonly IReadOnlyList<string> All = [District, Region, Audience, Month];

    public static string Label(string groupBy) => groupBy switch
    {
        Region => "区域",
        Audience => "人群",
        Month => "月份",
        _ => "区县",
    };
}
