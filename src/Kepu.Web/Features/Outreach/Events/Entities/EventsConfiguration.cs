using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kepu.Web.Features.Outreach.Events.Entities;

internal sealed class OutreachEventConfiguration : IEntityTypeConfiguration<OutreachEvent>
{
    public void Configure(EntityTypeBuilder<OutreachEvent> b)
    {
        b.ToTable("outreach_event");
        b.HasKey(e => e.Id);
        b.Property(e => e.Kind).HasMaxLength(16).IsRequired();
        b.Property(e => e.Title).HasMaxLength(OutreachEvent.MaxTitle).IsRequired();
        b.Property(e => e.Description).HasMaxLength(OutreachEvent.MaxDescription).IsRequired();
        b.Property(e => e.DistrictCode).HasMaxLength(6).IsRequired();
        b.Property(e => e.TownCode).HasMaxLength(12);
        b.Property(e => e.Place).HasMaxLength(OutreachEvent.MaxPlace).IsRequired();
        b.Property(e => e.OrganizerName).HasMaxLength(100).IsRequired();
        b.Property(e => e.CreatedBy).HasMaxLength(450).IsRequired();
        b.Property(e => e.Status).HasMaxLength(16).IsRequired();
        b.Property(e => e.ExpertId).HasMaxLength(450);
        b.Property(e => e.CheckInSecret).HasMaxLength(32).IsRequired();
        b.Property(e => e.ReportSummary).HasMaxLength(OutreachEvent.MaxReport);
        b.Property(e => e.Version).IsConcurrencyToken();

        // The calendar (upcoming, by district), an expert's busy days, an order's event.
        b.HasIndex(e => new { e.StartsAt, e.DistrictCode });
        b.HasIndex(e => new { e.DistrictCode, e.StartsAt });
        b.HasIndex(e => new { e.ExpertId, e.StartsAt });
        b.HasIndex(e => e.OrderId);
    }
}

internal sealed class EventRegistrationConfiguration : IEntityTypeConfiguration<EventRegistration>
{
    public void Configure(EntityTypeBuilder<EventRegistration> b)
    {
        b.ToTable("outreach_event_registration");
        b.HasKey(r => r.Id);
        b.Property(r => r.UserId).HasMaxLength(450).IsRequired();
        b.Property(r => r.Status).HasMaxLength(16).IsRequired();
        b.HasOne<OutreachEvent>().WithMany().HasForeignKey(r => r.EventId).OnDelete(DeleteBehavior.Cascade);

        // One row per person and event; the waitlist in order; a person's own registrations.
        b.HasIndex(r => new { r.EventId, r.UserId }).IsUnique();
        b.HasIndex(r => new { r.EventId, r.Status, r.CreatedAt });
        b.HasIndex(r => new { r.UserId, r.Status });
    }
}
