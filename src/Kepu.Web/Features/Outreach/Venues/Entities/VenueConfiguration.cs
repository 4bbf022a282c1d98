using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kepu.Web.Features.Outreach.Venues.Entities;

internal sealed class VenueConfiguration : IEntityTypeConfiguration<Venue>
{
    public void Configure(EntityTypeBuilder<Venue> b)
    {
        b.ToTable("outreach_venue");
        b.HasKey(v => v.Id);
        b.Property(v => v.Kind).HasMaxLength(16).IsRequired();
        b.Property(v => v.Name).HasMaxLength(60).IsRequired();
        b.Property(v => v.DistrictCode).HasMaxLength(6).IsRequired();
        b.Property(v => v.TownCode).HasMaxLength(12);
        b.Property(v => v.Address).HasMaxLength(120).IsRequired();
        b.Property(v => v.OpeningHours).HasMaxLength(120).IsRequired();
        b.Property(v => v.HoursNote).HasMaxLength(100).IsRequired();
        b.Property(v => v.Contact).HasMaxLength(60).IsRequired();
        b.Property(v => v.Description).HasMaxLength(1000).IsRequired();
        b.Property(v => v.CreatedBy).HasMaxLength(450).IsRequired();
        b.Ignore(v => v.Hours);
        b.HasIndex(v => new { v.DistrictCode, v.Kind });
        b.HasIndex(v => v.OrganizationId);
    }
}

internal sealed class VenueBookingConfiguration : IEntityTypeConfiguration<VenueBooking>
{
    public void Configure(EntityTypeBuilder<VenueBooking> b)
    {
        b.ToTable("outreach_venue_booking");
        b.HasKey(x => x.Id);
        b.HasOne<Venue>().WithMany().HasForeignKey(x => x.VenueId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.GroupKind).HasMaxLength(16).IsRequired();
        b.Property(x => x.GroupName).HasMaxLength(60).IsRequired();
        b.Property(x => x.Contact).HasMaxLength(30).IsRequired();
        b.Property(x => x.Phone).HasMaxLength(20).IsRequired();
        b.Property(x => x.BookedBy).HasMaxLength(450).IsRequired();
        b.Property(x => x.State).HasMaxLength(16).IsRequired();
        b.Property(x => x.DecidedBy).HasMaxLength(450);
        b.Property(x => x.Reason).HasMaxLength(VenueBooking.MaxReason);
        b.Ignore(x => x.Holds);
        b.HasIndex(x => new { x.VenueId, x.Date });
        b.HasIndex(x => x.BookedBy);
    }
}

internal sealed class OpenDayConfiguration : IEntityTypeConfiguration<OpenDay>
{
    public void Configure(EntityTypeBuilder<OpenDay> b)
    {
        b.ToTable("outreach_open_day", t => t.HasCheckConstraint("ck_outreach_open_day_registered", "\"Registered\" >= 0 AND \"Registered\" <= \"Capacity\""));
        b.HasKey(x => x.Id);
        b.HasOne<Venue>().WithMany().HasForeignKey(x => x.VenueId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.Title).HasMaxLength(60).IsRequired();
        b.Property(x => x.Note).HasMaxLength(300).IsRequired();
        b.Property(x => x.CreatedBy).HasMaxLength(450).IsRequired();
        b.HasIndex(x => new { x.VenueId, x.Date });
    }
}

internal sealed class OpenDayRegistrationConfiguration : IEntityTypeConfiguration<OpenDayRegistration>
{
    public void Configure(EntityTypeBuilder<OpenDayRegistration> b)
    {
        b.ToTable("outreach_open_day_registration");
        b.HasKey(x => x.Id);
        b.HasOne<OpenDay>().WithMany().HasForeignKey(x => x.OpenDayId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.UserId).HasMaxLength(450).IsRequired();
        b.HasIndex(x => new { x.OpenDayId, x.UserId }).IsUnique();
        b.HasIndex(x => x.UserId);
    }
}
