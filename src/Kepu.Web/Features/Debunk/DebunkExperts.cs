using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Debunk.Entities;
using Kepu.Web.Features.Library;

namespace Kepu.Web.Features.Debunk;

/// <summary>An expert account and the rumour categories their disciplines cover.</summary>
public sealed record DebunkExpert(string Id, string Name, IReadOnlyList<string> Disciplines, IReadOnlyList<string> Categories)
{
    public bool Covers(string category) => Categories.Contains(category);
}

/// <summary>
/// Which experts may check which rumours: an expert's disciplines (taxonomy topics, set by administrators) cover a
/// category when they name its topic (<see cref="DebunkCategories.Topic"/>) or an ancestor of it. 其他, and a
/// category whose topic an administrator has removed from the taxonomy, can go to any expert.
/// </summary>
public sealed class DebunkExperts(IAccountDirectory accounts, Taxonomy taxonomy)
{
    public async Task<IReadOnlyList<DebunkExpert>> AllAsync(CancellationToken ct = default)
    {
        var experts = await accounts.ExpertsAsync(ct);
        var result = new List<DebunkExpert>(experts.Count);
        foreach (var expert in experts)
        {
            var categories = new List<string>();
            foreach (var category in DebunkCategories.All)
            {
                if (DebunkCategories.Topic(category) is not { } topic || !await taxonomy.ExistsAsync(topic, ct)
                    || await taxonomy.CoversAsync(expert.Disciplines, [topic], ct))
                {
                    categories.Add(category);
                }
            }

            result.Add(new DebunkExpert(expert.Id, expert.Name, expert.Disciplines, categories));
        }

        return result;
    }
}
