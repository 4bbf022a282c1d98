using Kepu.Web.Features.Library.Entities;
using Kepu.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Library;

public sealed record TopicNode(int Id, string Name, IReadOnlyList<string> Children);

/// <summary>The topic taxonomy as the rest of the module needs it.</summary>
public sealed class Taxonomy(AppDbContext db)
{
    private IReadOnlyList<Topic>? _topics;

    public async Task<IReadOnlyList<Topic>> AllAsync(CancellationToken ct = default) =>
        _topics ??= await db.Set<Topic>().AsNoTracking().OrderBy(t => t.SortOrder).ToListAsync(ct);

    public async Task<IReadOnlyList<TopicNode>> TreeAsync(CancellationToken ct = default)
    {
        var all = await AllAsync(ct);
        return all.Where(t => t.ParentId is null)
            .Select(t => new TopicNode(t.Id, t.Name, all.Where(c => c.ParentId == t.Id).Select(c => c.Name).ToList()))
            .ToList();
    }

    public async Task<bool> ExistsAsync(string name, CancellationToken ct = default) =>
        (await AllAsync(ct)).Any(t => t.Name == name);

    /// <summary>The topic and its ancestors: an item about 合理膳食 is also about 健康.</summary>
    public async Task<IReadOnlyList<string>> WithAncestorsAsync(IEnumerable<string> names, CancellationToken ct = default)
    {
        var all = await AllAsync(ct);
        var result = new List<string>();
        foreach (var name in names)
        {
            for (var topic = all.FirstOrDefault(t => t.Name == name); topic is not null; topic = all.FirstOrDefault(t => t.Id == topic.ParentId))
            {
                if (!result.Contains(topic.Name))
                {
                    result.Add(topic.Name);
                }
            }
        }

        return result;
    }

    /// <summary>An expert's disciplines cover an item when they name one of its topics or an ancestor of one.</summary>
    public async Task<bool> CoversAsync(IReadOnlyList<string> disciplines, IEnumerable<string> topics, CancellationToken ct = default) =>
        (await WithAncestorsAsync(topics, ct)).Any(disciplines.Contains);
}
