using Kepu.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kepu.Web.Features.Library.Entities;

/// <summary>
/// 热点响应: something people are suddenly asking about (a flood, an outbreak, a viral claim). An editor opens it
/// with a deadline and assigns experts; it is answered when an item linked as its response is published.
/// </summary>
public sealed class HotTopic
{
    private HotTopic()
    {
    }

    public HotTopic(string title, string description, DateTime deadline, IReadOnlyList<string> experts, string openedBy, DateTime now)
    {
        if (experts.Count == 0)
        {
            throw new BusinessRuleException("请至少指派一位专家。");
        }

        if (deadline <= now)
        {
            throw new BusinessRuleException("回应期限必须晚于现在。");
        }

        Title = title;
        Description = description;
        Deadline = deadline;
        Experts = [.. experts.Distinct()];
        OpenedBy = openedBy;
        OpenedAt = now;
    }

    public int Id { get; private set; }
    public string Title { get; private set; } = "";
    public string Description { get; private set; } = "";
    public DateTime Deadline { get; private set; }
    public List<string> Experts { get; private set; } = [];
    public string OpenedBy { get; private set; } = "";
    public DateTime OpenedAt { get; private set; }
    public int? ResponseContentId { get; private set; }

    public void LinkResponse(int contentId) => ResponseContentId = contentId;
}

internal sealed class HotTopicConfiguration : IEntityTypeConfiguration<HotTopic>
{
    public void Configure(EntityTypeBuilder<HotTopic> b)
    {
        b.ToTable("library_hot_topic");
        b.HasKey(h => h.Id);
        b.Property(h => h.Title).HasMaxLength(100).IsRequired();
        b.Property(h => h.Description).HasMaxLength(1000).IsRequired();
        b.Property(h => h.OpenedBy).HasMaxLength(450).IsRequired();
        b.HasIndex(h => h.Deadline);
    }
}
