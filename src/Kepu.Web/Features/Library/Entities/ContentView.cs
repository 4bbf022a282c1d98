using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kepu.Web.Features.Library.Entities;

/// <summary>A signed-in person opened an item (and perhaps finished it): the feed's behaviour signal.</summary>
public sealed class ContentRead
{
    private ContentRead()
    {
    }

    public ContentRead(int contentId, string userId, DateTime at)
    {
        ContentId = contentId;
        UserId = userId;
        FirstViewedAt = at;
        LastViewedAt = at;
    }

    public long Id { get; private set; }
    public int ContentId { get; private set; }
    public string UserId { get; private set; } = "";
    public DateTime FirstViewedAt { get; private set; }
    public DateTime LastViewedAt { get; private set; }
    public DateTime? FinishedAt { get; private set; }

    public void Viewed(DateTime at) => LastViewedAt = at;

    public void Finished(DateTime at) => FinishedAt ??= at;
}

internal sealed class ContentReadConfiguration : IEntityTypeConfiguration<ContentRead>
{
    public void Configure(EntityTypeBuilder<ContentRead> b)
    {
        b.ToTable("library_read");
        b.HasKey(r => r.Id);
        b.Property(r => r.UserId).HasMaxLength(450).IsRequired();
        b.HasIndex(r => new { r.UserId, r.ContentId }).IsUnique();
        b.HasIndex(r => new { r.ContentId, r.LastViewedAt });
    }
}
