using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Contests.Entities;
using Kepu.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Contests.Results;

/// <summary>What other modules (Insights' 科普统计 export) may ask about the funding (资助) the contests award, per district.</summary>
public interface IContestFunding
{
    /// <summary>
    /// Yuan awarded by the calls whose results were published in the Beijing year, by the home district of each winning entry's
    /// submitter (entries without a known district are left out); an award withdrawn after an upheld objection counts nothing.
    /// </summary>
    Task<IReadOnlyDictionary<string, decimal>> AwardedByDistrictAsync(int year, CancellationToken ct = default);
}

internal sealed class ContestFunding(AppDbContext db, IAccountDirectory accounts) : IContestFunding
{
    public async Task<IReadOnlyDictionary<string, decimal>> AwardedByDistrictAsync(int year, CancellationToken ct = default)
    {
        // Beijing year [year-01-01 00:00 +08, year+1-01-01 00:00 +08) in UTC.
        var start = new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(-8);
        var end = start.AddYears(1);
        var awarded = await (
            from c in db.Set<ContestCall>().AsNoTracking()
            where c.PublishedAt >= start && c.PublishedAt < end
            from a in c.Awards
            join r in db.Set<ContestResult>() on new { CallId = c.Id, AwardId = (int?)a.Id } equals new { r.CallId, r.AwardId }
            join e in db.Set<ContestEntry>() on r.EntryId equals e.Id
            where a.FundingYuan > 0
            select new { e.SubmitterId, a.FundingYuan }).ToListAsync(ct);

        var totals = new Dictionary<string, decimal>();
        foreach (var submitter in awarded.GroupBy(x => x.SubmitterId))
        {
            if ((await accounts.ProfileAsync(submitter.Key, ct))?.District is { } district)
            {
                totals[district] = totals.GetValueOrDefault(district) + submitter.Sum(x => (decimal)x.FundingYuan);
            }
        }

        return totals;
    }
}
