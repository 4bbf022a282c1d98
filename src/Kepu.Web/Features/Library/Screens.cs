using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Library.Entities;
using Kepu.Web.Features.Regions;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Validation;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Library;

public sealed record ScreenRequest
{
    [Display(Name = "名称")]
    [Required(ErrorMessage = "请填写播放列表名称。")]
    [StringLength(64, MinimumLength = 2, ErrorMessage = "名称需要 2 到 64 个字。")]
    [PlainText]
    public string? Name { get; init; }

    public IReadOnlyList<string>? Districts { get; init; }
    public IReadOnlyList<int>? Items { get; init; }

    [Range(5, 300, ErrorMessage = "每条内容的播放时间须在 5 到 300 秒之间。")]
    public int? SecondsPerItem { get; init; }
}

public sealed record ScreenSlide(int Id, string Title, string Summary, IReadOnlyList<string> Points, string Source, string Url);

public sealed record ScreenPlaylistView(int Id, string Name, IReadOnlyList<string> Districts, int SecondsPerItem, DateTime UpdatedAt, IReadOnlyList<ScreenSlide> Slides);

/// <summary>全媒体: playlists for public screens. A slide is an item's title, summary and first points, with its link.</summary>
public sealed class Screens(AppDbContext db, IRegionDirectory regions, IAccountDirectory accounts, TimeProvider clock)
{
    public async Task<IReadOnlyList<ScreenPlaylistView>> ListAsync(CancellationToken ct = default)
    {
        var ids = await db.Set<ScreenPlaylist>().AsNoTracking().OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(ct);
        var result = new List<ScreenPlaylistView>();
        foreach (var id in ids)
        {
            result.Add(await GetAsync(id, "", ct));
        }

        return result;
    }

    public async Task<ScreenPlaylistView> GetAsync(int id, string baseUrl, CancellationToken ct = default)
    {
        var playlist = await db.Set<ScreenPlaylist>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct)
            ?? throw new NotFoundException("播放列表不存在。");
        var items = await db.Set<ContentItem>().AsNoTracking()
            .Where(c => playlist.Items.Contains(c.Id) && c.Status == ContentStatus.Published)
            .ToListAsync(ct);
        var orgs = await accounts.OrganizationNamesAsync(items.Where(i => i.OrganizationId != null).Select(i => i.OrganizationId!.Value), ct);

        // Keep the editor's order; items taken offline since drop out of the rotation.
        var slides = playlist.Items
            .Select(itemId => items.FirstOrDefault(i => i.Id == itemId))
            .Where(i => i is not null)
            .Select(i => new ScreenSlide(i!.Id, i.Title, i.Summary, KeyPoints(i.Body), i.OrganizationId is { } o ? orgs.GetValueOrDefault(o, "科普重庆") : "科普重庆",
                $"{baseUrl}/contents/{i.Id}"))
            .ToList();
        return new ScreenPlaylistView(playlist.Id, playlist.Name, playlist.Districts, playlist.SecondsPerItem, playlist.UpdatedAt, slides);
    }

    public async Task<int> CreateAsync(ScreenRequest request, ClaimsPrincipal user, CancellationToken ct = default)
    {
        ContentAccess.EnsureCanPublish(user);
        await ValidateAsync(request, ct);
        var playlist = new ScreenPlaylist(request.Name!.Trim(), request.Districts ?? [], request.Items!, request.SecondsPerItem ?? 15, user.UserId()!, clock.GetUtcNow().UtcDateTime);
        db.Add(playlist);
        await db.SaveChangesAsync(ct);
        return playlist.Id;
    }

    public async Task UpdateAsync(int id, ScreenRequest request, ClaimsPrincipal user, CancellationToken ct = default)
    {
        ContentAccess.EnsureCanPublish(user);
        var playlist = await db.Set<ScreenPlaylist>().FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException("播放列表不存在。");
        await ValidateAsync(request, ct);
        playlist.Update(request.Name!.Trim(), request.Districts ?? [], request.Items!, request.SecondsPerItem ?? 15, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The first bullet points of a Markdown body, else its first sentences: what fits on a screen.</summary>
    public static IReadOnlyList<string> KeyPoints(string body)
    {
        var lines = body.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var bullets = lines.Where(l => l.StartsWith("- ", StringComparison.Ordinal)).Select(l => l[2..].Trim()).Take(4).ToList();
        if (bullets.Count >= 2)
        {
            return bullets;
        }

        var text = string.Join("", lines.Where(l => !l.StartsWith('#')));
        return text.Split('。', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(3).Select(s => s + "。").ToList();
    }

    private async Task ValidateAsync(ScreenRequest request, CancellationToken ct)
    {
        var v = RequestValidator.For(request);
        foreach (var district in request.Districts ?? [])
        {
            if (await regions.FindDistrictAsync(district, ct) is null)
            {
                v.Add(nameof(request.Districts), $"区县代码“{district}”不存在。");
            }
        }

        var items = request.Items ?? [];
        if (items.Count == 0)
        {
            v.Add(nameof(request.Items), "播放列表至少要有一条已发布的内容。");
        }
        else if (await db.Set<ContentItem>().CountAsync(c => items.Contains(c.Id) && c.Status == ContentStatus.Published, ct) != items.Distinct().Count())
        {
            v.Add(nameof(request.Items), "播放列表只能包含已发布的内容。");
        }

        v.ThrowIfInvalid();
    }
}
