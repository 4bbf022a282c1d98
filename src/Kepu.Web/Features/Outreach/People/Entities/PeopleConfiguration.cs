using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kepu.Web.Features.Outreach.People.Entities;

internal sealed class EnvoyConfiguration : IEntityTypeConfiguration<Envoy>
{
    public void Configure(EntityTypeBuilder<Envoy> b)
    {
        b.ToTable("outreach_envoy");
        b.HasKey(e => e.Id);
        b.Property(e => e.UserId).HasMaxLength(450).IsRequired();
        b.Property(e => e.DistrictCode).HasMaxLength(6).IsRequired();
        b.Property(e => e.Specialty).HasMaxLength(60).IsRequired();
        b.Property(e => e.AppointedBy).HasMaxLength(450).IsRequired();
        b.HasMany(e => e.Towns).WithOne().HasForeignKey(t => t.EnvoyId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(e => e.Towns).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasIndex(e => new { e.UserId, e.DistrictCode }).IsUnique();
        b.HasIndex(e => e.DistrictCode);
    }
}

internal sealed class EnvoyTownConfiguration : IEntityTypeConfiguration<EnvoyTown>
{
    public void Configure(EntityTypeBuilder<EnvoyTown> b)
    {
        b.ToTable("outreach_envoy_town");
        b.HasKey(t => t.Id);
        b.Property(t => t.TownCode).HasMaxLength(12).IsRequired();
        b.Property(t => t.Villages).HasMaxLength(200).IsRequired();
        b.HasIndex(t => new { t.EnvoyId, t.TownCode }).IsUnique();
        b.HasIndex(t => t.TownCode);
    }
}

internal sealed class ServiceLogConfiguration : IEntityTypeConfiguration<ServiceLog>
{
    public void Configure(EntityTypeBuilder<ServiceLog> b)
    {
        b.ToTable("outreach_service_log");
        b.HasKey(l => l.Id);
        b.HasOne<Envoy>().WithMany().HasForeignKey(l => l.EnvoyId).OnDelete(DeleteBehavior.Cascade);
        b.Property(l => l.TownCode).HasMaxLength(12).IsRequired();
        b.Property(l => l.Village).HasMaxLength(30).IsRequired();
        b.Property(l => l.Kind).HasMaxLength(16).IsRequired();
        b.Property(l => l.Hours).HasPrecision(4, 1);
        b.Property(l => l.Summary).HasMaxLength(500).IsRequired();
        b.Property(l => l.Photo).HasMaxLength(500).IsRequired();
        b.HasIndex(l => new { l.EnvoyId, l.Date });
    }
}

internal sealed class VolunteerConfiguration : IEntityTypeConfiguration<Volunteer>
{
    public void Configure(EntityTypeBuilder<Volunteer> b)
    {
        b.ToTable("outreach_volunteer");
        b.HasKey(v => v.Id);
        b.Property(v => v.UserId).HasMaxLength(450).IsRequired();
        b.Property(v => v.Kind).HasMaxLength(16).IsRequired();
        b.Property(v => v.Availability).HasMaxLength(100).IsRequired();
        b.Property(v => v.DistrictCode).HasMaxLength(6).IsRequired();
        b.Property(v => v.Background).HasMaxLength(100).IsRequired();
        b.HasIndex(v => v.UserId).IsUnique();
        b.HasIndex(v => new { v.DistrictCode, v.Kind });
    }
}

internal sealed class VolunteerHoursConfiguration : IEntityTypeConfiguration<VolunteerHours>
{
    public void Configure(EntityTypeBuilder<VolunteerHours> b)
    {
        b.ToTable("outreach_volunteer_hours");
        b.HasKey(h => h.Id);
        b.HasOne<Volunteer>().WithMany().HasForeignKey(h => h.VolunteerId).OnDelete(DeleteBehavior.Cascade);
        b.Property(h => h.UserId).HasMaxLength(450).IsRequired();
        b.Property(h => h.Hours).HasPrecision(4, 1);
        b.Property(h => h.Activity).HasMaxLength(100).IsRequired();
        b.Property(h => h.Place).HasMaxLength(100).IsRequired();
        b.Property(h => h.DistrictCode).HasMaxLength(6).IsRequired();
        b.Property(h => h.State).HasMaxLength(16).IsRequired();
        b.Property(h => h.DecidedBy).HasMaxLength(450);
        b.Property(h => h.Reason).HasMaxLength(VolunteerHours.MaxReason);
        b.Property(h => h.Version).IsConcurrencyToken();
        b.HasIndex(h => new { h.UserId, h.Date });
        b.HasIndex(h => new { h.DistrictCode, h.State });
        b.HasIndex(h => new { h.OrganizationId, h.State });
    }
}
