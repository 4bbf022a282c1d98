using System.Globalization;
using Kepu.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kepu.Web.Features.Insights.Activity.Entities;

/// <summary>
/// One line of the append-only activity log: what happened, when, where and for which audience group. Rows are never
/// changed or deleted; a correction is a new row (attendance reported again adds the difference). The dashboards read
/// only the aggregates the projector keeps from this log.
/// </summary>
public sealed class ActivityEvent
{
    public const int MaxKind = 16;
    public const int MaxAudience = 12;

    private ActivityEvent()
    {
    }

    public ActivityEvent(string kind, DateTime at, string? district, string? audience, string? userId, long amount)
    {
        Kind = kind;
        At = at;
        Month = MonthOf(at);
        // "*" marks the aggregates' roll-ups; it is never a place or a group.
        District = district is null or MonthlyCount.All ? "" : district;
        Audience = audience is null or MonthlyCount.All ? "" : audience;
        UserId = userId;
        Amount = amount;
    }

    public long Id { get; private set; }
    public DateTime At { get; private set; }

    /// <summary>The Beijing calendar month of <see cref="At"/>, <c>yyyy-MM</c>: fixed when recorded, so the rebuild needs no date arithmetic.</summary>
    public string Month { get; private set; } = "";

    public string Kind { get; private set; } = "";

    /// <summary>GB/T 2260 district code; empty when not known (an anonymous check, a city-wide debunk).</summary>
    public string District { get; private set; } = "";

    /// <summary>Audience code (DESIGN §5); empty when not known.</summary>
    public string Audience { get; private set; } = "";

    public string? UserId { get; private set; }
    public long Amount { get; private set; }

    public static string MonthOf(DateTime utc) => Display.ToBeijing(utc).ToString("yyyy-MM", CultureInfo.InvariantCulture);
}

internal sealed class ActivityEventConfiguration : IEntityTypeConfiguration<ActivityEvent>
{
    public void Configure(EntityTypeBuilder<ActivityEvent> b)
    {
        // Append-only and read by id (the projector's watermark) or whole (the rebuild): the key is the only index.
        b.ToTable("insights_activity_event");
        b.HasKey(e => e.Id);
        b.Property(e => e.Month).HasMaxLength(7).IsRequired();
        b.Property(e => e.Kind).HasMaxLength(ActivityEvent.MaxKind).IsRequired();
        b.Property(e => e.District).HasMaxLength(6).IsRequired();
        b.Property(e => e.Audience).HasMaxLength(ActivityEvent.MaxAudience).IsRequired();
        b.Property(e => e.UserId).HasMaxLength(450);
    }
}
