using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kepu.Web.Features.Insights.Activity.Entities;

/// <summary>
/// A person active in a month, once: where and in which audience group their first event of the month put them. The
/// projector adds one to the month's <c>active</c> counter when it inserts a row here, so dashboards count active
/// people without counting distinct users.
/// </summary>
public sealed class MonthlyActive
{
    private MonthlyActive()
    {
    }

    public MonthlyActive(string month, string userId, string district, string audience)
    {
        Month = month;
        UserId = userId;
        District = district;
        Audience = audience;
    }

    public string Month { get; private set; } = "";
    public string UserId { get; private set; } = "";
    public string District { get; private set; } = "";
    public string Audience { get; private set; } = "";
}

internal sealed class MonthlyActiveConfiguration : IEntityTypeConfiguration<MonthlyActive>
{
    public void Configure(EntityTypeBuilder<MonthlyActive> b)
    {
        b.ToTable("insights_monthly_active");
        b.HasKey(a => new { a.Month, a.UserId });
        b.Property(a => a.Month).HasMaxLength(7);
        b.Property(a => a.UserId).HasMaxLength(450);
        b.Property(a => a.District).HasMaxLength(6).IsRequired();
        b.Property(a => a.Audience).HasMaxLength(ActivityEvent.MaxAudience).IsRequired();
    }
}
