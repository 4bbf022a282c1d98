using System.ComponentModel.DataAnnotations;
using Kepu.Web.Features.Regions.Entities;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Kepu.Web.Features.Regions;

public sealed record UpdateDistrictRequest
{
    [Display(Name = "名称")]
    [Required(ErrorMessage = "请填写区县名称。")]
    [StringLength(32, ErrorMessage = "区县名称不能超过 32 个字。")]
    [PlainText]
    public string? Name { get; init; }

    [Display(Name = "区域分组")]
    [Required(ErrorMessage = "请选择区域分组。")]
    public string? Group { get; init; }

    public IReadOnlyList<string>? Flags { get; init; }
}

public sealed record DistrictChangeView(string Field, string OldValue, string NewValue, string ChangedBy, DateTime ChangedAt);

/// <summary>An administrator edits a district's name, region group or priority flags; every change is recorded.</summary>
public sealed class UpdateDistrict(AppDbContext db, TimeProvider clock, IMemoryCache cache)
{
    public async Task<IReadOnlyList<DistrictChangeView>> HandleAsync(string code, UpdateDistrictRequest request, string changedBy, CancellationToken ct = default)
    {
        var validator = RequestValidator.For(request);
        if (request.Group is not null && !RegionGroup.IsValid(request.Group))
        {
            validator.Add(nameof(request.Group), $"区域分组只能是 {string.Join("、", RegionGroup.All)} 之一。");
        }

        var unknown = (request.Flags ?? []).Where(f => !DistrictFlag.All.Contains(f)).ToList();
        if (unknown.Count > 0)
        {
            validator.Add(nameof(request.Flags), $"未知的区县标记：{string.Join("、", unknown)}；可选 {string.Join("、", DistrictFlag.All)}。");
        }

        validator.ThrowIfInvalid();

        var district = await db.Set<District>().FirstOrDefaultAsync(d => d.Code == code, ct)
            ?? throw new NotFoundException($"区县代码 {code} 不存在。");
        var changes = district.Update(request.Name!.Trim(), request.Group!, (request.Flags ?? []).Distinct().ToList(), changedBy, clock.GetUtcNow().UtcDateTime);
        db.AddRange(changes);
        await db.SaveChangesAsync(ct);
        cache.Remove(RegionDirectory.CacheKey);
        return changes.Select(c => new DistrictChangeView(c.Field, c.OldValue, c.NewValue, c.ChangedBy, c.ChangedAt)).ToList();
    }

    public async Task<IReadOnlyList<DistrictChangeView>> HistoryAsync(string code, CancellationToken ct = default)
    {
        var rows = await db.Set<DistrictChange>().AsNoTracking()
            .Where(c => c.DistrictCode == code)
            .OrderByDescending(c => c.Id)
            .Select(c => new DistrictChangeView(c.Field, c.OldValue, c.NewValue, c.ChangedBy, c.ChangedAt))
            .ToListAsync(ct);
        return rows;
    }
}
