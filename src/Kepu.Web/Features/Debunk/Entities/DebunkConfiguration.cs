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
