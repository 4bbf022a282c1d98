using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kepu.Web.Features.Learning.Entities;

internal sealed class ScienceActivityConfiguration : IEntityTypeConfiguration<ScienceActivity>
{
    public void Configure(EntityTypeBuilder<ScienceActivity> b)
    {
        b.ToTable("learning_activity");
        b.HasKey(a => a.Id);
        b.Property(a => a.OwnerId).HasMaxLength(450).IsRequired();
        b.Property(a => a.Kind).HasMaxLength(16).IsRequired();
        b.Property(a => a.Title).HasMaxLength(100).IsRequired();
        b.Property(a => a.Place).HasMaxLength(100).IsRequired();
        b.Property(a => a.Hours).HasPrecision(5, 1);
        b.Property(a => a.Evidence).HasMaxLength(500).IsRequired();
        b.Property(a => a.SupervisorId).HasMaxLength(450);
        b.Property(a => a.Supervisor).HasMaxLength(256);
        b.Property(a => a.State).HasMaxLength(16).IsRequired();
        b.Property(a => a.ReturnReason).HasMaxLength(ScienceActivity.MaxReason);
        b.Property(a => a.ReviewerId).HasMaxLength(450);
        b.Property(a => a.GrantedHours).HasPrecision(5, 1);
        b.Property(a => a.GrantedCredits).HasPrecision(6, 1);
        b.Property(a => a.Version).IsConcurrencyToken();

        // A person's own list and record; a reviewer's queue by organisation, by supervisor, or (administrators) by state.
        b.HasIndex(a => new { a.OwnerId, a.Date });
        b.HasIndex(a => new { a.OrganizationId, a.State });
        b.HasIndex(a => new { a.SupervisorId, a.State });
        b.HasIndex(a => new { a.State, a.SubmittedAt });
    }
}
