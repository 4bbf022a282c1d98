using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kepu.Web.Features.Debunk.Entities;

internal sealed class DebunkEntryConfiguration : IEntityTypeConfiguration<DebunkEntry>
{
    public void Configure(EntityTypeBuilder<DebunkEntry> b)
    {
        b.ToTable("debunk_entry");
        b.HasKey(e => e.Id);
        b.Property(e => e.Key).HasMaxLength(64);
        b.HasIndex(e => e.Key).IsUnique();
        b.Property(e => e.Claim).HasMaxLength(DebunkRules.MaxClaim).IsRequired();
        b.Property(e => e.Verdict).HasMaxLength(16).IsRequired();
        b.Property(e => e.Conclusion).HasMaxLength(DebunkRules.MaxConclusion).IsRequired();
        b.Property(e => e.Title).HasMaxLength(DebunkRules.MaxTitle).IsRequired();
        b.Property(e => e.Body).IsRequired();
        b.Property(e => e.BodyHtml).IsRequired();
        b.Property(e => e.Category).HasMaxLength(16).IsRequired();
        b.OwnsMany(e => e.Sources, s => s.ToJson());
        b.HasMany(e => e.Revisions).WithOne().HasForeignKey(r => r.EntryId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(e => e.PublishedAt);
        b.HasIndex(e => e.Category);
    }
}

internal sealed class DebunkRevisionConfiguration : IEntityTypeConfiguration<DebunkRevision>
{
    public void Configure(EntityTypeBuilder<DebunkRevision> b)
    {
        b.ToTable("debunk_entry_revision");
        b.HasKey(r => r.Id);
        b.Property(r => r.By).HasMaxLength(450).IsRequired();
        b.Property(r => r.Note).HasMaxLength(300).IsRequired();
        b.Property(r => r.Verdict).HasMaxLength(16).IsRequired();
        b.Property(r => r.Conclusion).HasMaxLength(DebunkRules.MaxConclusion).IsRequired();
        b.HasIndex(r => new { r.EntryId, r.Number }).IsUnique();
    }
}

internal sealed class SubmittedClaimConfiguration : IEntityTypeConfiguration<SubmittedClaim>
{
    public void Configure(EntityTypeBuilder<SubmittedClaim> b)
    {
        b.ToTable("debunk_claim");
        b.HasKey(c => c.Id);
        b.Property(c => c.TrackingCode).HasMaxLength(16).IsRequired();
        b.HasIndex(c => c.TrackingCode).IsUnique();
        b.Property(c => c.Text).HasMaxLength(CheckText.MaxLength).IsRequired();
        b.Property(c => c.Link).HasMaxLength(500);
        b.Property(c => c.Screenshot).HasMaxLength(200);
        b.Property(c => c.SeenWhere).HasMaxLength(30);
        b.Property(c => c.DistrictCode).HasMaxLength(6);
        b.Property(c => c.Channel).HasMaxLength(16).IsRequired();
        b.HasIndex(c => c.ClusterId);
        b.HasIndex(c => c.SubmittedAt);
    }
}

internal sealed class ClaimClusterConfiguration : IEntityTypeConfiguration<ClaimCluster>
{
    public void Configure(EntityTypeBuilder<ClaimCluster> b)
    {
        b.ToTable("debunk_cluster");
        b.HasKey(c => c.Id);
        b.Property(c => c.Text).HasMaxLength(500).IsRequired();
        b.Property(c => c.State).HasMaxLength(16).IsRequired();
        b.Property(c => c.Category).HasMaxLength(16);
        b.Property(c => c.RejectReason).HasMaxLength(300);
        b.Ignore(c => c.TimeToVerdict);
        b.HasIndex(c => new { c.State, c.LastSeen });
    }
}

internal sealed class RumourChartConfiguration : IEntityTypeConfiguration<RumourChart>
{
    public void Configure(EntityTypeBuilder<RumourChart> b)
    {
        b.ToTable("debunk_chart");
        b.HasKey(c => c.Id);
        b.Property(c => c.Month).HasMaxLength(7).IsRequired();
        b.HasIndex(c => c.Month).IsUnique();
        b.Property(c => c.Intro).HasMaxLength(500).IsRequired();
        b.Property(c => c.ApprovedBy).HasMaxLength(450);
        b.OwnsMany(c => c.Items, i => i.ToJson());
    }
}
