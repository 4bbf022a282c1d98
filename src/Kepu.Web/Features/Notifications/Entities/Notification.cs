using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kepu.Web.Features.Notifications.Entities;

/// <summary>A message to one person inside the app (站内消息): an order confirmed, a waitlist place turned into a seat.</summary>
public sealed class Notification
{
    public const int MaxTitle = 100;
    public const int MaxBody = 500;

    private Notification()
    {
    }

    public Notification(string userId, string title, string body, string? link, DateTime now)
    {
        UserId = userId;
        Title = title.Length > MaxTitle ? title[..MaxTitle] : title;
        Body = body.Length > MaxBody ? body[..MaxBody] : body;
        Link = link;
        CreatedAt = now;
    }

    public long Id { get; private set; }
    public string UserId { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string Body { get; private set; } = "";

    /// <summary>A page inside the app, e.g. <c>/events/12</c>.</summary>
    public string? Link { get; private set; }

    public DateTime CreatedAt { get; private set; }
    public DateTime? ReadAt { get; private set; }

    public void MarkRead(DateTime now) => ReadAt ??= now;
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.ToTable("notify_message");
        b.HasKey(n => n.Id);
        b.Property(n => n.UserId).HasMaxLength(450).IsRequired();
        b.Property(n => n.Title).HasMaxLength(Notification.MaxTitle).IsRequired();
        b.Property(n => n.Body).HasMaxLength(Notification.MaxBody).IsRequired();
        b.Property(n => n.Link).HasMaxLength(200);

        // A person's newest messages, and the unread count shown in the navigation.
        b.HasIndex(n => new { n.UserId, n.ReadAt, n.Id });
    }
}
