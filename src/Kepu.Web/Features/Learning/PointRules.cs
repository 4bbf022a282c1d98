using Kepu.Web.Features.Learning.Entities;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Kepu.Web.Features.Learning;

public sealed record PointRuleView(string Kind, string Label, int Points, int DailyCap);

public sealed record PointRuleChange(string Kind, int Points, int DailyCap);

/// <summary>积分规则: administrators set how many points each action earns and the cap per day; all rules change together or not at all.</summary>
public sealed class PointRules(AppDbContext db, IMemoryCache cache)
{
    public async Task<IReadOnlyList<PointRuleView>> ListAsync(CancellationToken ct = default) =>
        (await db.Set<PointRule>().AsNoTracking().ToListAsync(ct))
            .OrderBy(r => Array.FindIndex(PointKinds.Defaults, d => d.Kind == r.Kind)).Select(r => new PointRuleView(r.Kind, r.Label, r.Points, r.DailyCap)).ToList();

    public async Task UpdateAsync(IReadOnlyList<PointRuleChange> changes, CancellationToken ct = default)
    {
        var rules = await db.Set<PointRule>().ToDictionaryAsync(r => r.Kind, ct);
        var errors = new Dictionary<string, string[]>();
        foreach (var change in changes)
        {
            if (!rules.TryGetValue(change.Kind, out var rule))
            {
                errors[change.Kind] = [$"没有“{change.Kind}”这条积分规则。"];
                continue;
            }

            if (change.DailyCap < change.Points)
            {
                errors[change.Kind] = [$"“{rule.Label}”的每日上限不能小于每次积分。"];
                continue;
            }

            try
            {
                rule.Set(change.Points, change.DailyCap);
            }
            catch (BusinessRuleException e)
            {
                errors[change.Kind] = [$"“{rule.Label}”：{e.Message}"];
            }
        }

        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }

        await db.SaveChangesAsync(ct);
        cache.Remove(Leaderboards.RulesKey); // 我的进度 shows the new caps at once
    }
}
