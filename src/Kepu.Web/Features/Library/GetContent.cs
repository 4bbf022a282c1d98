using System.Security.Claims;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Library.Entities;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Library;

public sealed record TransitionView(string? From, string To, string ToLabel, string By, DateTime At, string Comment);

public sealed record VersionView(int Number, string Title, string EditedBy, DateTime EditedAt);

public sealed record ContentView(
    int Id,
    string Kind,
    string Title,
    string Summary,
    string Body,
    string BodyHtml,
    string? Transcript,
    string? MediaUrl,
    string? CoverImage,
    IReadOnlyList<string> Audiences,
    IReadOnlyList<string> Topics,
    IReadOnlyList<string> Districts,
    IReadOnlyList<string> RegionGroups,
    IReadOnlyList<string> Authors,
    string Licence,
    string Attribution,
    bool ElderFriendly,
    int ReadingMinutes,
    int? OrganizationId,
    string? OrganizationName,
    string Status,
    string StatusLabel,
    int Version,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    DateTime? PublishAt,
    DateTime? PublishedAt,
    IReadOnlyList<TransitionView> Transitions,
    IReadOnlyList<VersionView> Versions);

public sealed record DiffLine(string Type, string Text);

public sealed record VersionDiff(int From, int To, IReadOnlyList<DiffLine> Lines);

/// <summary>
/// Reads one item with its history, for whoever may see it. Published items are what citizens read, many times each,
/// so their views stay in memory (<see cref="PublishedViews"/>) until the item is written again.
/// </summary>
public sealed class GetContent(AppDbContext db, ContentAccess access, IAccountDirectory accounts, PublishedViews published)
{
    public async Task<ContentView> HandleAsync(int id, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (published.Find(id) is { } cached)
        {
            return cached;
        }

        var item = await db.Set<ContentItem>().AsNoTracking()
            .Include(c => c.Transitions)
            .AsSplitQuery()
            .FirstOrDefaultAsync(c => c.Id == id, ct);
        if (item is null || !await access.CanSeeAsync(user, item, ct))
        {
            // Unpublished items are as good as missing to those who may not see them.
            throw new NotFoundException($"内容 {id} 不存在或尚未发布。");
        }

        // Versions carry whole copies of the text; the page needs only their numbers and authors.
        var versions = await db.Set<ContentVersion>().AsNoTracking()
            .Where(v => v.ContentId == id)
            .OrderBy(v => v.Number)
            .Select(v => new { v.Number, v.Title, v.EditedBy, v.EditedAt })
            .ToListAsync(ct);
        var names = await accounts.DisplayNamesAsync(item.Transitions.Select(t => t.By).Concat(versions.Select(v => v.EditedBy)), ct);
        string Name(string by) => by == "system" ? "系统" : names.GetValueOrDefault(by, "已注销用户");
        var organization = item.OrganizationId is { } org ? (await accounts.OrganizationNamesAsync([org], ct)).GetValueOrDefault(org) : null;

        var view = new ContentView(item.Id, item.Kind, item.Title, item.Summary, item.Body, item.BodyHtml ?? MarkdownRenderer.Render(item.Body), item.Transcript, item.MediaUrl, item.CoverImage,
            item.Audiences, item.Topics, item.Districts, item.RegionGroups, item.Authors, item.Licence,
            Attribution(item, organization), item.ElderFriendly, item.ReadingMinutes, item.OrganizationId, organization,
            item.Status, ContentStatus.Label(item.Status), item.Version, item.CreatedAt, item.UpdatedAt, item.PublishAt, item.PublishedAt,
            item.Transitions.OrderBy(t => t.Id).Select(t => new TransitionView(t.From, t.To, ContentStatus.Label(t.To), Name(t.By), t.At, t.Comment)).ToList(),
            versions.Select(v => new VersionView(v.Number, v.Title, Name(v.EditedBy), v.EditedAt)).ToList());
        if (item.Status == ContentStatus.Published)
        {
            published.Keep(view);
        }

        return view;
    }

    /// <summary>A line diff of title, summary, body and transcript between two versions.</summary>
    public async Task<VersionDiff> DiffAsync(int id, int from, int to, ClaimsPrincipal user, CancellationToken ct = default)
    {
        await HandleAsync(id, user, ct);
        var versions = await db.Set<ContentVersion>().AsNoTracking()
            .Where(v => v.ContentId == id && (v.Number == from || v.Number == to))
            .ToListAsync(ct);
        var a = versions.FirstOrDefault(v => v.Number == from) ?? throw new NotFoundException($"版本 {from} 不存在。");
        var b = versions.FirstOrDefault(v => v.Number == to) ?? throw new NotFoundException($"版本 {to} 不存在。");
        var diff = InlineDiffBuilder.Diff(Text(a), Text(b));
        return new VersionDiff(from, to, diff.Lines.Select(l => new DiffLine(l.Type switch
        {
            ChangeType.Inserted => "added",
            ChangeType.Deleted => "removed",
            ChangeType.Modified => "changed",
            _ => "same",
        }, l.Text)).ToList());
    }

    /// <summary>How a reuser must credit the item, per its licence (共建共享).</summary>
    public static string Attribution(ContentItem item, string? organization)
    {
        var source = string.Join("，", new[] { organization, item.Authors.Count > 0 ? string.Join("、", item.Authors) : null }.Where(s => s is not null));
        return item.Licence switch
        {
            "版权所有" => $"版权所有：{source}。转载须取得来源机构许可。",
            var licence => $"来源：{source}（科普重庆）。许可协议：{licence}。转载请保留本署名。",
        };
    }

    private static string Text(ContentVersion v) =>
        $"# {v.Title}\n\n{v.Summary}\n\n{v.Body}" + (v.Transcript is null ? "" : $"\n\n文字稿：\n{v.Transcript}");
}
