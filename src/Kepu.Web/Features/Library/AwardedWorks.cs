using Kepu.Web.Features.Library.Entities;
using Kepu.Web.Infrastructure.Data;

namespace Kepu.Web.Features.Library;

/// <summary>An award-winning contest work, ready to join the library.</summary>
public sealed record AwardedWork(string Title, string Summary, string Body, string? MediaUrl, string? MediaType, IReadOnlyList<string> Authors,
    string Licence, string ReviewNote, IReadOnlyList<string> Audiences);

/// <summary>
/// Winning works of contests join the library: created, passed through the same workflow (the contest's expert panel is recorded as the
/// scientific-accuracy review, with its note) and published, with the call's licence and the authors' names. The caller saves, in its
/// own transaction, so the library item and the contest result commit together.
/// </summary>
public sealed class AwardedWorks(AppDbContext db)
{
    public ContentItem Add(AwardedWork work, string editor, DateTime now)
    {
        var kind = work.MediaType switch
        {
            { } t when t.StartsWith("video/", StringComparison.Ordinal) => ContentKinds.Video,
            { } t when t.StartsWith("audio/", StringComparison.Ordinal) => ContentKinds.Audio,
            _ => ContentKinds.Article,
        };
        var cover = work.MediaType?.StartsWith("image/", StringComparison.Ordinal) == true ? work.MediaUrl : null;
        var media = kind == ContentKinds.Article ? null : work.MediaUrl;
        var summary = work.Summary.Length > 200 ? work.Summary[..199] + "…" : work.Summary;
        var fields = new ContentFields(kind, work.Title, summary, work.Body, null, media, cover, work.Audiences, [], [], [], work.Authors, work.Licence, false);
        var item = new ContentItem(fields, null, editor, now);
        item.RenderBody();
        item.Submit(editor, now);
        item.Review(true, work.ReviewNote, editor, now);
        item.Publish(null, editor, now);
        db.Add(item);
        return item;
    }

    /// <summary>After the item has an id: tell the search index and the feed (the outbox).</summary>
    public Task AnnounceAsync(ContentItem item, DateTime now, CancellationToken ct) => ContentOutbox.AppendAsync(db, item.Id, now, ct);
}
