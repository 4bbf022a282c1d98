using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kepu.Web.Features.Outreach.Experts;

/// <summary>The expert teams of the plan an expert may belong to.</summary>
public static class ExpertTeams
{
    public static readonly IReadOnlyList<(string Code, string Label)> All =
    [
        ("team", "科学传播专家团"),
        ("lecturers", "院士专家科普讲师团"),
        ("health", "健康科普专家库"),
        ("silver", "银龄科普专家"),
    ];

    public static bool IsValid(string code) => All.Any(t => t.Code == code);

    public static string Label(string code) => All.FirstOrDefault(t => t.Code == code).Label ?? code;
}

/// <summary>
/// What the expert pool knows of an expert beyond their account: where they live (distance to a village), the teams
/// they belong to, the dialects they speak, where they will go, on which weekdays, and how many lectures a month.
/// Disciplines stay on the account (the Accounts module), where content review uses them too.
/// </summary>
public sealed class ExpertProfile
{
    public const int MaxBio = 500;
    public const int AllWeek = 0b111_1111;

    private ExpertProfile()
    {
    }

    public ExpertProfile(string userId) => UserId = userId;

    public string UserId { get; private set; } = "";
    public string HomeDistrict { get; private set; } = "500103";
    public List<string> Teams { get; private set; } = [];

    /// <summary>The branch of 科学传播专家团 (e.g. 农业分团), if any.</summary>
    public string? Branch { get; private set; }

    public List<string> Dialects { get; private set; } = [];

    /// <summary>Districts they will travel to; empty means the whole city.</summary>
    public List<string> DistrictsServed { get; private set; } = [];

    /// <summary>Weekdays they are usually free: bit 0 is Monday … bit 6 Sunday.</summary>
    public int Weekdays { get; private set; } = 0b011_1111;

    public int MaxPerMonth { get; private set; } = 4;
    public string Bio { get; private set; } = "";
    public DateTime UpdatedAt { get; private set; }

    public void Update(string homeDistrict, IReadOnlyList<string> teams, string? branch, IReadOnlyList<string> dialects, IReadOnlyList<string> served,
        int weekdays, int maxPerMonth, string bio, DateTime now)
    {
        HomeDistrict = homeDistrict;
        Teams = [.. teams];
        Branch = branch;
        Dialects = [.. dialects];
        DistrictsServed = [.. served];
        Weekdays = weekdays;
        MaxPerMonth = maxPerMonth;
        Bio = bio;
        UpdatedAt = now;
    }

    public bool FreeOn(DayOfWeek day) => (Weekdays & (1 << (((int)day + 6) % 7))) != 0;

    public bool Serves(string district) => DistrictsServed.Count == 0 || DistrictsServed.Contains(district);
}

internal sealed class ExpertProfileConfiguration : IEntityTypeConfiguration<ExpertProfile>
{
    public void Configure(EntityTypeBuilder<ExpertProfile> b)
    {
        b.ToTable("outreach_expert_profile");
        b.HasKey(p => p.UserId);
        b.Property(p => p.UserId).HasMaxLength(450);
        b.Property(p => p.HomeDistrict).HasMaxLength(6).IsRequired();
        b.Property(p => p.Branch).HasMaxLength(50);
        b.Property(p => p.Bio).HasMaxLength(ExpertProfile.MaxBio).IsRequired();
    }
}
