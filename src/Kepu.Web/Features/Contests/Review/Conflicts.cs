using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Contests.Entities;
using Kepu.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Contests.Review;

/// <summary>
/// Conflicts of interest between reviewers and entries. A reviewer never gets an entry when they are its submitter or a co-author,
/// when they belong to the entrant organisation, the submitter's organisations or a co-author's organisations, or when they declared
/// a tie (回避申报) to the entrant, an author, or an author's or entrant's organisation by name.
/// </summary>
public sealed class Conflicts(AppDbContext db, IAccountDirectory accounts)
{
    public async Task<HashSet<(int Entry, string Reviewer)>> FindAsync(int callId, IReadOnlyList<ContestEntry> entries, IReadOnlyList<string> reviewers,
        CancellationToken ct)
    {
        var conflicts = new HashSet<(int, string)>();
        var orgsOf = new Dictionary<string, HashSet<int>>();
        foreach (var id in reviewers.Concat(entries.SelectMany(e => e.Authors.Select(a => a.UserId)).OfType<string>()).Distinct())
        {
            orgsOf[id] = [.. await accounts.OrganizationIdsAsync(id, ct)];
        }

        var declared = await db.Set<DeclaredConflict>().AsNoTracking().Where(d => d.CallId == callId && reviewers.Contains(d.ReviewerId))
            .ToListAsync(ct);
        var orgNames = (await accounts.OrganizationTreeAsync(ct)).ToDictionary(o => o.Id, o => o.Name);
        foreach (var entry in entries)
        {
            var people = entry.Authors.Select(a => a.UserId).OfType<string>().Append(entry.SubmitterId).ToHashSet();
            var orgs = entry.SubmitterOrganizationIds.Concat(entry.OrganizationId is { } o ? [o] : [])
                .Concat(entry.Authors.Select(a => a.UserId).OfType<string>().SelectMany(u => orgsOf[u])).ToHashSet();
            var names = entry.Authors.Select(a => a.Name).Concat(entry.Authors.Select(a => a.Organization).OfType<string>()).Append(entry.EntrantName)
                .Concat(orgs.Select(id => orgNames.GetValueOrDefault(id)).OfType<string>()).Select(Normalise).ToHashSet();
            foreach (var reviewer in reviewers)
            {
                if (people.Contains(reviewer) || orgsOf[reviewer].Overlaps(orgs)
                    || declared.Any(d => d.ReviewerId == reviewer && names.Contains(Normalise(d.Name))))
                {
                    conflicts.Add((entry.Id, reviewer));
                }
            }
        }

        return conflicts;
    }

    private static string Normalise(string name) => string.Concat(name.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
}
