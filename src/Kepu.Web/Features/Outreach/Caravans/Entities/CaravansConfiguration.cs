using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kepu.Web.Features.Outreach.Caravans.Entities;

internal sealed class CaravanUnitConfiguration : IEntityTypeConfiguration<CaravanUnit>
{
    public void Configure(EntityTypeBuilder<CaravanUnit> b)
    {
        b.ToTable("outreach_caravan_unit");
        b.HasKey(u => u.Id);
        b.Property(u => u.Name).HasMaxLength(CaravanUnit.MaxName).IsRequired();
        b.Property(u => u.Kind).HasMaxLength(16).IsRequired();
        b.Property(u => u.HomeDistrictCode).HasMaxLength(6).IsRequired();
        b.HasIndex(u => u.Name).IsUnique();
    }
}

internal sealed class CaravanTargetSettingConfiguration : IEntityTypeConfiguration<CaravanTargetSetting>
{
    public void Configure(EntityTypeBuilder<CaravanTargetSetting> b)
    {
        b.ToTable("outreach_caravan_target");
        b.HasKey(t => t.Code);
        b.Property(t => t.Code).HasMaxLength(12);
    }
}

internal sealed class CaravanDistanceConfiguration : IEntityTypeConfiguration<CaravanDistance>
{
    public void Configure(EntityTypeBuilder<CaravanDistance> b)
    {
        b.ToTable("outreach_caravan_distance");
        b.HasKey(d => new { d.FromCode, d.ToCode });
        b.Property(d => d.FromCode).HasMaxLength(12);
        b.Property(d => d.ToCode).HasMaxLength(12);
    }
}

internal sealed class CaravanPlanConfiguration : IEntityTypeConfiguration<CaravanPlan>
{
    public void Configure(EntityTypeBuilder<CaravanPlan> b)
    {
        b.ToTable("outreach_caravan_plan");
        b.HasKey(p => p.Id);
        b.Property(p => p.Name).HasMaxLength(CaravanPlan.MaxName).IsRequired();
        b.Property(p => p.Targets).HasMaxLength(16).IsRequired();
        b.Property(p => p.Districts).IsRequired();
        b.Property(p => p.Unplanned).IsRequired();
        b.Property(p => p.CreatedById).HasMaxLength(450).IsRequired();
        b.Property(p => p.Status).HasMaxLength(16).IsRequired();
        b.HasMany(p => p.Units).WithOne().HasForeignKey(u => u.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.Visits).WithOne().HasForeignKey(v => v.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(p => p.CreatedAt);
    }
}

internal sealed class CaravanPlanUnitConfiguration : IEntityTypeConfiguration<CaravanPlanUnit>
{
    public void Configure(EntityTypeBuilder<CaravanPlanUnit> b)
    {
        b.ToTable("outreach_caravan_plan_unit");
        b.HasKey(u => new { u.PlanId, u.UnitId });
        b.Property(u => u.UnitName).HasMaxLength(CaravanUnit.MaxName).IsRequired();
        b.HasOne<CaravanUnit>().WithMany().HasForeignKey(u => u.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CaravanVisitConfiguration : IEntityTypeConfiguration<CaravanVisit>
{
    public void Configure(EntityTypeBuilder<CaravanVisit> b)
    {
        b.ToTable("outreach_caravan_visit");
        b.HasKey(v => v.Id);
        b.Property(v => v.TargetCode).HasMaxLength(12).IsRequired();
        b.Property(v => v.TargetName).HasMaxLength(64).IsRequired();
        b.Property(v => v.TargetDistrictCode).HasMaxLength(6).IsRequired();
        b.Property(v => v.Status).HasMaxLength(16).IsRequired();
        b.Property(v => v.UpdatedById).HasMaxLength(450);
        b.HasOne<CaravanUnit>().WithMany().HasForeignKey(v => v.UnitId).OnDelete(DeleteBehavior.Restrict);
        // No unit in two places on one day, across adopted plans (NULLs, i.e. drafts and cancelled days, never clash).
        b.HasIndex(v => new { v.UnitId, v.BookedDay }).IsUnique();
        // Coverage: the last done visit of each target.
        b.HasIndex(v => new { v.TargetCode, v.Status, v.Date });
        b.HasIndex(v => new { v.TargetDistrictCode, v.Status, v.Date });
        b.HasIndex(v => new { v.PlanId, v.UnitId, v.Sequence });
    }
}
