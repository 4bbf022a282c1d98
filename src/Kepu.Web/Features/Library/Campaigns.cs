using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Library.Entities;
using Kepu.Web.Features.Regions;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Kepu.Web.Features.Library;

public sealed record CampaignRequest
{
    [Display(Name = "专题名称")]
    [Required(ErrorMessage = "请填写专题名称。")]
    [StringLength(64, MinimumLength = 2, ErrorMessage = "专题名称需要 2 到 64 个字。")]
    [PlainText]
    public string? Name { get; init; }

    [Display(Name = "横幅文字")]
    [Required(ErrorMessage = "请填写横幅文字。")]
    [StringLength(200, MinimumLength = 4, ErrorMessage = "横幅文字需要 4 到 200 个字。")]
    [PlainText]
    public string? Banner { get; init; }

    [Required(ErrorMessage = "请填写开始时间。")]
    public DateTime? StartsAt { get; init; }

    [Required(ErrorMessage = "请填写结束时间。")]
    public DateTime? EndsAt { get; init; }

    public IReadOnlyList<string>? Audiences { get; init; }
    public IReadOnlyList<string>? Districts { get; init; }
    public IReadOnlyList<string>? RegionGroups { get; init; }
    public IReadOnlyList<int>? Items { get; init; }
}

public sealed record CampaignView(int Id, string Name, string Banner, DateTime StartsAt, DateTime EndsAt, bool Active,
    IReadOnlyList<string> Audiences, IReadOnlyList<string> Districts, IReadOnlyList<string> RegionGroups, IReadOnlyList<int> Items);

/// <summary>Editors run campaigns; the feed asks which are active for a person.</summary>
public sealed class Campaigns(AppDbContext db, IRegionDirectory regions, TimeProvider clock, IMemoryCache cache)
{
    public async Task<IReadOnlyList<CampaignView>> ListAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var all = await db.Set<Campaign>().AsNoTracking().OrderByDescending(c => c.StartsAt).ToListAsync(ct);
        return all.Select(c => View(c, now)).ToList();
    }

    public async Task<CampaignView> GetAsync(int id, CancellationToken ct = default)
    {
        var c = await db.Set<Campaign>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("专题不存在。");
        return View(c, clock.GetUtcNow().UtcDateTime);
    }

    public async Task<int> CreateAsync(CampaignRequest request, ClaimsPrincipal user, CancellationToken ct = default)
    {
        ContentAccess.EnsureCanPublish(user);
        await ValidateAsync(request, ct);
        var campaign = new Campaign(request.Name!.Trim(), request.Banner!.Trim(), Utc(request.StartsAt!.Value), Utc(request.EndsAt!.Value),
            request.Audiences ?? [], request.Districts ?? [], request.RegionGroups ?? [], request.Items ?? [], user.UserId()!, clock.GetUtcNow().UtcDateTime);
        db.Add(campaign);
        await db.SaveChangesAsync(ct);
        cache.Remove("library:campaigns:running");
        return campaign.Id;
    }

    public async Task UpdateAsync(int id, CampaignRequest request, ClaimsPrincipal user, CancellationToken ct = default)
    {
        ContentAccess.EnsureCanPublish(user);
        var campaign = await db.Set<Campaign>().FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("专题不存在。");
        await ValidateAsync(request, ct);
        campaign.Update(request.Name!.Trim(), request.Banner!.Trim(), Utc(request.StartsAt!.Value), Utc(request.EndsAt!.Value),
            request.Audiences ?? [], request.Districts ?? [], request.RegionGroups ?? [], request.Items ?? []);
        await db.SaveChangesAsync(ct);
        cache.Remove("library:campaigns:running");
    }

    /// <summary>The campaigns running now that target this person.</summary>
    public async Task<IReadOnlyList<CampaignView>> ActiveForAsync(IReadOnlyList<string> audiences, string? district, string? regionGroup, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;

        // Asked on every feed request; campaigns change rarely, so the running ones are kept 15 seconds.
        var running = (await cache.GetOrCreateAsync("library:campaigns:running", async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(15);
            entry.Size = 1;
            return await db.Set<Campaign>().AsNoTracking().Where(c => c.EndsAt > now).ToListAsync(ct);
        }))!.Where(c => c.IsActive(now)).ToList();
        return running.Where(c => c.Targets(audiences, district, regionGroup)).Select(c => View(c, now)).ToList();
    }

    private async Task ValidateAsync(CampaignRequest request, CancellationToken ct)
    {
        var v = RequestValidator.For(request);
        if (request.StartsAt is { } s && request.EndsAt is { } e && e <= s)
        {
            v.Add(nameof(request.EndsAt), "结束时间必须晚于开始时间。");
        }

        if ((request.Audiences ?? []).FirstOrDefault(a => !Accounts.Entities.Audiences.IsValid(a)) is { } badAudience)
        {
            v.Add(nameof(request.Audiences), $"目标人群“{badAudience}”无效。");
        }

        foreach (var district in request.Districts ?? [])
        {
            if (await regions.FindDistrictAsync(district, ct) is null)
            {
                v.Add(nameof(request.Districts), $"区县代码“{district}”不存在。");
            }
        }

        if ((request.RegionGroups ?? []).FirstOrDefault(g => !Regions.Entities.RegionGroup.IsValid(g)) is { } badGroup)
        {
            v.Add(nameof(request.RegionGroups), $"区域分组“{badGroup}”无效。");
        }

        var items = (request.Items ?? []).Distinct().ToList();
        if (items.Count == 0)
        {
            v.Add(nameof(request.Items), "请至少选择一条已发布的内容。");
        }
        else
        {
            var published = await db.Set<ContentItem>().Where(c => items.Contains(c.Id) && c.Status == ContentStatus.Published).CountAsync(ct);
            if (published != items.Count)
            {
                v.Add(nameof(request.Items), "专题只能包含已发布的内容。");
            }
        }

        v.ThrowIfInvalid();
    }

    private static DateTime Utc(DateTime t) => t.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(t, DateTimeKind.Utc) : t.ToUniversalTime();

    private static CampaignView View(Campaign c, DateTime now) =>
        new(c.Id, c.Name, c.Banner, c.StartsAt, c.EndsAt, c.IsActive(now), c.Audiences, c.Districts, c.RegionGroups, c.Items);
}
