using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kepu.Web.Features.Library.Entities;

internal sealed class TopicConfiguration : IEntityTypeConfiguration<Topic>
{
    public void Configure(EntityTypeBuilder<Topic> b)
    {
        b.ToTable("library_topic");
        b.HasKey(t => t.Id);
        b.Property(t => t.Id).ValueGeneratedNever();
        b.Property(t => t.Name).HasMaxLength(32).IsRequired();
        b.HasIndex(t => t.Name).IsUnique();
        b.HasData(TopicSeed.All);
    }
}

internal sealed class ContentItemConfiguration : IEntityTypeConfiguration<ContentItem>
{
    public void Configure(EntityTypeBuilder<ContentItem> b)
    {
        b.ToTable("library_content");
        b.HasKey(c => c.Id);
        b.Property(c => c.Kind).HasMaxLength(16).IsRequired();
        b.Property(c => c.Title).HasMaxLength(100).IsRequired();
        b.Property(c => c.Summary).HasMaxLength(300).IsRequired();
        b.Property(c => c.Body).IsRequired();
        b.Property(c => c.MediaUrl).HasMaxLength(500);
        b.Property(c => c.CoverImage).HasMaxLength(200);
        b.Property(c => c.Licence).HasMaxLength(32).IsRequired();
        b.Property(c => c.Status).HasMaxLength(16).IsRequired();
        b.Property(c => c.CreatedBy).HasMaxLength(450).IsRequired();
        b.Property(c => c.ReviewedBy).HasMaxLength(450);
        b.Property(c => c.OfflineReason).HasMaxLength(300);
        b.Ignore(c => c.IsPublic);
        b.HasMany(c => c.Transitions).WithOne().HasForeignKey(t => t.ContentId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Versions).WithOne().HasForeignKey(v => v.ContentId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => new { c.Status, c.PublishedAt });
        b.HasIndex(c => c.OrganizationId);
    }
}

internal sealed class ContentTransitionConfiguration : IEntityTypeConfiguration<ContentTransition>
{
    public void Configure(EntityTypeBuilder<ContentTransition> b)
    {
        b.ToTable("library_content_transition");
        b.HasKey(t => t.Id);
        b.Property(t => t.From).HasMaxLength(16);
        b.Property(t => t.To).HasMaxLength(16).IsRequired();
        b.Property(t => t.By).HasMaxLength(450).IsRequired();
        b.Property(t => t.Comment).HasMaxLength(1000).IsRequired();
        b.HasIndex(t => t.ContentId);
    }
}

internal sealed class ContentVersionConfiguration : IEntityTypeConfiguration<ContentVersion>
{
    public void Configure(EntityTypeBuilder<ContentVersion> b)
    {
        b.ToTable("library_content_version");
        b.HasKey(v => v.Id);
        b.Property(v => v.Title).HasMaxLength(100).IsRequired();
        b.Property(v => v.Summary).HasMaxLength(300).IsRequired();
        b.Property(v => v.EditedBy).HasMaxLength(450).IsRequired();
        b.HasIndex(v => new { v.ContentId, v.Number }).IsUnique();
    }
}
