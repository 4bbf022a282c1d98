using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kepu.Web.Features.Insights.Activity.Entities;

/// <summary>
/// The aggregate every dashboard reads: per Beijing month, district, audience group and kind, how many events and the
/// sum of their amounts. Beside each cell the projector keeps two roll-ups, marked <see cref="All"/>: all audiences of a
/// district (<c>Audience = "*"</c>) and all districts of an audience (<c>District = "*"</c>), so a dashboard reads a few
/// hundred rows per month and never groups the whole cube. Its size depends on months × 40 × 8 × kinds, never on the
/// number of events.
/// </summary>
public sealed class MonthlyCount
{
    /// <summary>The roll-up marker: every district, or every audience group.</summary>
    public const string All = "*";

    private MonthlyCount()
    {
    }

    public MonthlyCount(string month, string district, string audience, string kind)
    {
        Month = month;
        District = district;
        Audience = audience;
        Kind = kind;
    }

    public string Month { get; private set; } = "";
    public string District { get; private set; } = "";
    public string Audience { get; private set; } = "";
    public string Kind { get; private set; } = "";
    public long Count { get; private set; }
    public long Amount { get; private set; }

    public void Add(long count, long amount)
    {
        Count += count;
        Amount += amount;
    }
}

internal sealed class MonthlyCountConfiguration : IEntityTypeConfiguration<MonthlyCount>
{
    public void Configure(EntityTypeBuilder<MonthlyCount> b)
    {
        b.ToTable("insights_monthly_count");
        // Month first: every dashboard asks for a range of months. The key serves the city-wide view of one audience
        // (or of all: Audience = "*"); the index serves one district, and the audience roll-up (District = "*").
        b.HasKey(c => new { c.Month, c.Audience, c.District, c.Kind });
        b.HasIndex(c => new { c.Month, c.District, c.Audience, c.Kind });
        b.Property(c => c.Month).HasMaxLength(7);
        b.Property(c => c.District).HasMaxLength(6);
        b.Property(c => c.Audience).HasMaxLength(ActivityEvent.MaxAudience);
        b.Property(c => c.Kind).HasMaxLength(ActivityEvent.MaxKind);
    }
}
