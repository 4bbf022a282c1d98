using Kepu.Web.Infrastructure.Errors;

namespace Kepu.Web.Features.Outreach.People.Entities;

/// <summary>
/// 科技特派员: a person a district administrator appoints to serve towns (and, optionally, named villages) of that
/// district for a period. One appointment per person and district; a new period or new towns replace the old ones.
/// </summary>
public sealed class Envoy
{
    private readonly List<EnvoyTown> _towns = [];

    private Envoy()
    {
    }

    public Envoy(string userId, string districtCode, string specialty, DateOnly from, DateOnly to, string appointedBy, DateTime now)
    {
        (UserId, DistrictCode) = (userId, districtCode);
        Set(specialty, from, to, appointedBy, now);
        CreatedAt = now;
    }

    public int Id { get; private set; }
    public string UserId { get; private set; } = "";
    public string DistrictCode { get; private set; } = "";

    /// <summary>What they help with: 果树栽培, 畜禽养殖, 电商 …</summary>
    public string Specialty { get; private set; } = "";

    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }
    public string AppointedBy { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public IReadOnlyList<EnvoyTown> Towns => _towns;

    public void Set(string specialty, DateOnly from, DateOnly to, string appointedBy, DateTime now)
    {
        (Specialty, From, To, AppointedBy, UpdatedAt) = (specialty, from, to, appointedBy, now);
    }

    public void Assign(IEnumerable<(string TownCode, string Villages)> towns)
    {
        _towns.Clear();
        _towns.AddRange(towns.Select(t => new EnvoyTown(t.TownCode, t.Villages)));
    }

    public bool Serves(DateOnly date) => date >= From && date <= To;

    /// <summary>A log must name one of the envoy's towns and fall in the period.</summary>
    public void EnsureMayLog(string townCode, DateOnly date)
    {
        if (_towns.All(t => t.TownCode != townCode))
        {
            throw new ForbiddenException("这个乡镇不在您的派驻范围内：只能记录派驻乡镇的服务。");
        }

        if (!Serves(date))
        {
            throw new BusinessRuleException($"服务日期须在派驻期内（{From:yyyy-MM-dd} 至 {To:yyyy-MM-dd}）。");
        }
    }
}

/// <summary>A town the envoy serves, with the villages named there (comma-separated, may be empty: the whole town).</summary>
public sealed class EnvoyTown
{
    private EnvoyTown()
    {
    }

    public EnvoyTown(string townCode, string villages) => (TownCode, Villages) = (townCode, villages);

    public int Id { get; private set; }
    public int EnvoyId { get; private set; }
    public string TownCode { get; private set; } = "";
    public string Villages { get; private set; } = "";
}

/// <summary>What a service was.</summary>
public static class ServiceKinds
{
    public static readonly IReadOnlyList<(string Code, string Label)> All =
    [
        ("guidance", "技术指导"),
        ("training", "培训授课"),
        ("consulting", "咨询答疑"),
        ("demonstration", "示范推广"),
        ("other", "其他服务"),
    ];

    public static bool IsValid(string? code) => All.Any(k => k.Code == code);

    public static string Label(string code) => All.FirstOrDefault(k => k.Code == code).Label ?? code;
}

/// <summary>服务日志: one day's service by an envoy in one of their towns.</summary>
public sealed class ServiceLog
{
    private ServiceLog()
    {
    }

    public ServiceLog(int envoyId, DateOnly date, string townCode, string village, string kind, decimal hours, int served, string summary, string photo,
        DateTime now)
    {
        (EnvoyId, Date, TownCode, Village, Kind, Hours, Served, Summary, Photo) = (envoyId, date, townCode, village, kind, hours, served, summary, photo);
        CreatedAt = now;
    }

    public int Id { get; private set; }
    public int EnvoyId { get; private set; }
    public DateOnly Date { get; private set; }
    public string TownCode { get; private set; } = "";
    public string Village { get; private set; } = "";
    public string Kind { get; private set; } = "";
    public decimal Hours { get; private set; }

    /// <summary>People served (farmers trained, households visited).</summary>
    public int Served { get; private set; }

    public string Summary { get; private set; } = "";

    /// <summary>A <c>/media/…</c> address of a photo, or empty.</summary>
    public string Photo { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }
}
