using Kepu.Web.Infrastructure.Errors;

namespace Kepu.Web.Features.Library.Entities;

/// <summary>
/// A science-communication item (科普资源): an article, video, audio, gallery or interactive link,
/// with its targeting, source, licence and place in the review workflow. The rules of the workflow live here.
/// </summary>
public sealed class ContentItem
{
    private ContentItem()
    {
    }

    public ContentItem(ContentFields fields, int? organizationId, string createdBy, DateTime now)
    {
        Apply(fields);
        OrganizationId = organizationId;
        CreatedBy = createdBy;
        CreatedAt = now;
        UpdatedAt = now;
        Version = 1;
        Status = ContentStatus.Draft;
        Transitions.Add(new ContentTransition(null, ContentStatus.Draft, createdBy, now, "创建草稿"));
        Versions.Add(ContentVersion.Of(this, createdBy, now));
    }

    public int Id { get; private set; }
    public string Kind { get; private set; } = ContentKinds.Article;
    public string Title { get; private set; } = "";
    public string Summary { get; private set; } = "";

    /// <summary>Markdown (图文) or the description of a video, audio, gallery or interactive item.</summary>
    public string Body { get; private set; } = "";

    /// <summary>The body as sanitised HTML, rendered whenever the body is written (null only for rows older than the column).</summary>
    public string? BodyHtml { get; private set; }

    /// <summary>文字稿 of a video or audio item: required for them, so the content is searchable and accessible.</summary>
    public string? Transcript { get; private set; }

    /// <summary>A link (external video, interactive page) or <c>/media/{hash}</c> of an uploaded file.</summary>
    public string? MediaUrl { get; private set; }
    public string? CoverImage { get; private set; }
    public List<string> Audiences { get; private set; } = [];
    public List<string> Topics { get; private set; } = [];
    public List<string> Districts { get; private set; } = [];
    public List<string> RegionGroups { get; private set; } = [];
    public List<string> Authors { get; private set; } = [];
    public string Licence { get; private set; } = "CC BY 4.0";
    public bool ElderFriendly { get; private set; }
    public int ReadingMinutes { get; private set; }

    /// <summary>The contributing organisation (共建共享), if any.</summary>
    public int? OrganizationId { get; private set; }

    /// <summary>Editorial priority: editors lift an item in feeds (0 normal, up to 3).</summary>
    public int Priority { get; private set; }

    public string Status { get; private set; } = ContentStatus.Draft;
    public int Version { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public DateTime? PublishAt { get; private set; }
    public DateTime? PublishedAt { get; private set; }
    public string? ReviewedBy { get; private set; }
    public string? OfflineReason { get; private set; }

    public List<ContentTransition> Transitions { get; private set; } = [];
    public List<ContentVersion> Versions { get; private set; } = [];

    public bool IsPublic => Status == ContentStatus.Published;

    /// <summary>Edits make a new version; only drafts, returned and offline items can be edited.</summary>
    public void Edit(ContentFields fields, string editedBy, DateTime now)
    {
        if (Status is not (ContentStatus.Draft or ContentStatus.Returned or ContentStatus.Offline))
        {
            throw new BusinessRuleException($"“{ContentStatus.Label(Status)}”状态的内容不能修改；已发布的内容请先下线再修改。");
        }

        Apply(fields);
        Version++;
        UpdatedAt = now;
        Versions.Add(ContentVersion.Of(this, editedBy, now));
        if (Status == ContentStatus.Offline)
        {
            Move(ContentStatus.Draft, editedBy, now, "下线后修改，回到草稿");
        }
    }

    public void Submit(string by, DateTime now)
    {
        if (Status is not (ContentStatus.Draft or ContentStatus.Returned))
        {
            throw new BusinessRuleException($"只有草稿或退回修改的内容可以提交审核（当前：{ContentStatus.Label(Status)}）。");
        }

        Move(ContentStatus.Submitted, by, now, "提交审核");
    }

    /// <summary>A scientific-accuracy review. Returning an item needs a comment saying what to fix.</summary>
    public void Review(bool approve, string? comment, string expert, DateTime now)
    {
        if (Status != ContentStatus.Submitted)
        {
            throw new BusinessRuleException($"只有待审核的内容可以审核（当前：{ContentStatus.Label(Status)}）。");
        }

        if (!approve && string.IsNullOrWhiteSpace(comment))
        {
            throw new BusinessRuleException("退回修改时请写明需要修改的地方。");
        }

        ReviewedBy = expert;
        Move(approve ? ContentStatus.Approved : ContentStatus.Returned, expert, now,
            approve ? (string.IsNullOrWhiteSpace(comment) ? "科学性审核通过" : comment) : comment!);
    }

    /// <summary>Publishes now, or at <paramref name="at"/> when that is in the future.</summary>
    public void Publish(DateTime? at, string editor, DateTime now)
    {
        if (Status is not (ContentStatus.Approved or ContentStatus.Scheduled))
        {
            throw new BusinessRuleException($"内容须先通过科学性审核才能发布（当前：{ContentStatus.Label(Status)}）。");
        }

        if (at is { } when && when > now)
        {
            PublishAt = when;
            Move(ContentStatus.Scheduled, editor, now, $"定时发布：{when:yyyy-MM-dd HH:mm} UTC");
            return;
        }

        PublishAt = null;
        PublishedAt = now;
        Move(ContentStatus.Published, editor, now, "发布");
    }

    /// <summary>Called by the scheduler: a scheduled item whose time has come is published.</summary>
    public bool PublishIfDue(DateTime now)
    {
        if (Status != ContentStatus.Scheduled || PublishAt > now)
        {
            return false;
        }

        PublishedAt = PublishAt ?? now;
        PublishAt = null;
        Move(ContentStatus.Published, "system", now, "定时发布已生效");
        return true;
    }

    public void TakeOffline(string reason, string editor, DateTime now)
    {
        if (Status is not (ContentStatus.Published or ContentStatus.Scheduled))
        {
            throw new BusinessRuleException($"只有已发布或定时发布的内容可以下线（当前：{ContentStatus.Label(Status)}）。");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new BusinessRuleException("下线须说明原因。");
        }

        OfflineReason = reason;
        PublishAt = null;
        Move(ContentStatus.Offline, editor, now, reason);
    }

    /// <summary>The taxonomy renamed a topic; the item keeps its meaning without a new version.</summary>
    public void RenameTopic(string oldName, string newName) => Topics = [.. Topics.Select(t => t == oldName ? newName : t).Distinct()];

    /// <summary>Fills <see cref="BodyHtml"/> for an item written before it was stored.</summary>
    public void RenderBody() => BodyHtml = MarkdownRenderer.Render(Body);

    public void SetPriority(int priority) => Priority = Math.Clamp(priority, 0, 3);

    private void Move(string to, string by, DateTime now, string comment)
    {
        Transitions.Add(new ContentTransition(Status, to, by, now, comment));
        Status = to;
        UpdatedAt = now;
    }

    private void Apply(ContentFields f)
    {
        Kind = f.Kind;
        Title = f.Title;
        Summary = f.Summary;
        Body = f.Body;
        BodyHtml = MarkdownRenderer.Render(Body);
        Transcript = f.Transcript;
        MediaUrl = f.MediaUrl;
        CoverImage = f.CoverImage;
        Audiences = [.. f.Audiences.Distinct()];
        Topics = [.. f.Topics.Distinct()];
        Districts = [.. f.Districts.Distinct()];
        RegionGroups = [.. f.RegionGroups.Distinct()];
        Authors = [.. f.Authors.Distinct()];
        Licence = f.Licence;
        ElderFriendly = f.ElderFriendly;

        // About 400 Chinese characters a minute for reading; transcripts count as what is heard.
        var characters = Body.Length + (Transcript?.Length ?? 0);
        ReadingMinutes = Math.Max(1, (int)Math.Ceiling(characters / 400.0));
    }
}

/// <summary>The editable fields of an item, already validated.</summary>
public sealed record ContentFields(
    string Kind,
    string Title,
    string Summary,
    string Body,
    string? Transcript,
    string? MediaUrl,
    string? CoverImage,
    IReadOnlyList<string> Audiences,
    IReadOnlyList<string> Topics,
    IReadOnlyList<string> Districts,
    IReadOnlyList<string> RegionGroups,
    IReadOnlyList<string> Authors,
    string Licence,
    bool ElderFriendly);

/// <summary>One step of the workflow: who moved the item from which state to which, when, and why.</summary>
public sealed class ContentTransition
{
    private ContentTransition()
    {
    }

    public ContentTransition(string? from, string to, string by, DateTime at, string comment)
    {
        From = from;
        To = to;
        By = by;
        At = at;
        Comment = comment;
    }

    public long Id { get; private set; }
    public int ContentId { get; private set; }
    public string? From { get; private set; }
    public string To { get; private set; } = "";
    public string By { get; private set; } = "";
    public DateTime At { get; private set; }
    public string Comment { get; private set; } = "";
}

/// <summary>A saved version of the text, for the history and the diff between versions.</summary>
public sealed class ContentVersion
{
    private ContentVersion()
    {
    }

    public long Id { get; private set; }
    public int ContentId { get; private set; }
    public int Number { get; private set; }
    public string Title { get; private set; } = "";
    public string Summary { get; private set; } = "";
    public string Body { get; private set; } = "";

    /// <summary>The body as sanitised HTML, rendered whenever the body is written (null only for rows older than the column).</summary>
    public string? BodyHtml { get; private set; }

    public string? Transcript { get; private set; }
    public string EditedBy { get; private set; } = "";
    public DateTime EditedAt { get; private set; }

    public static ContentVersion Of(ContentItem item, string by, DateTime at) => new()
    {
        Number = item.Version,
        Title = item.Title,
        Summary = item.Summary,
        Body = item.Body,
        Transcript = item.Transcript,
        EditedBy = by,
        EditedAt = at,
    };
}
