using System.Security.Claims;
using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Features.Library.Entities;
using Kepu.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Library;

public sealed record WorkRow(int Id, string Title, string Status, string StatusLabel, IReadOnlyList<string> Topics, DateTime UpdatedAt);

/// <summary>What each person has to do: their drafts, the reviews waiting for an expert, the items waiting for an editor.</summary>
public sealed class ContentWorkbench(AppDbContext db, IAccountDirectory accounts, Taxonomy taxonomy)
{
    public async Task<IReadOnlyList<(string Heading, IReadOnlyList<WorkRow> Rows)>> SectionsAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var id = user.UserId()!;
        var orgs = await accounts.OrganizationIdsAsync(id, ct);
        var sections = new List<(string, IReadOnlyList<WorkRow>)>();
        var mine = await Rows(db.Set<ContentItem>().Where(c => c.CreatedBy == id || (c.OrganizationId != null && orgs.Contains(c.OrganizationId.Value))), ct);
        sections.Add(("我和本机构的内容", mine));

        if (user.IsInRole(Roles.Expert))
        {
            var disciplines = await accounts.DisciplinesAsync(id, ct);
            var waiting = await Rows(db.Set<ContentItem>().Where(c => c.Status == ContentStatus.Submitted), ct);
            var mineToReview = new List<WorkRow>();
            foreach (var row in waiting)
            {
                if (await taxonomy.CoversAsync(disciplines, row.Topics, ct))
                {
                    mineToReview.Add(row);
                }
            }

            sections.Add(("等待我审核", mineToReview));
        }

        if (ContentAccess.IsEditor(user))
        {
            sections.Add(("审核通过，等待发布", await Rows(db.Set<ContentItem>().Where(c => c.Status == ContentStatus.Approved || c.Status == ContentStatus.Scheduled), ct)));
            sections.Add(("审核中", await Rows(db.Set<ContentItem>().Where(c => c.Status == ContentStatus.Submitted), ct)));
        }

        return sections;
    }

    private static async Task<IReadOnlyList<WorkRow>> Rows(IQueryable<ContentItem> query, CancellationToken ct)
    {
        var rows = await query.AsNoTracking().OrderByDescending(c => c.UpdatedAt).Take(200)
            .Select(c => new { c.Id, c.Title, c.Status, c.Topics, c.UpdatedAt })
            .ToListAsync(ct);
        return rows.Select(r => new WorkRow(r.Id, r.Title, r.Status, ContentStatus.Label(r.Status), r.Topics, r.UpdatedAt)).ToList();
    }
}
