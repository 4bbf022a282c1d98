using System.Security.Claims;
using Kepu.Web.Features.Contests.Entities;
using Kepu.Web.Features.Learning;
using Kepu.Web.Features.Library;
using Kepu.Web.Features.Notifications;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Contests.Results;

/// <summary>
/// 公布: after 公示 ends with every objection answered, results are published. In one ledger transaction each awarded work joins the
/// library (published, with the call's licence and the authors' names) and its entrant receives an award certificate through the
/// tamper-evident ledger; either all of it commits or none.
/// </summary>
public sealed class Publication(AppDbContext db, AwardedWorks library, Certificates certificates, Notifier notifier, ResultDesk results, TimeProvider clock)
{
    public async Task<ResultsView> PublishAsync(int callId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        ContestAccess.EnsureRuns(user);
        var me = ContestAccess.Me(user);
        var call = await ContestAccess.LoadCallAsync(db, callId, ct);
        var open = await db.Set<Objection>().CountAsync(o => o.CallId == callId && o.Answer == null, ct);
        if (open > 0)
        {
            throw new BusinessRuleException($"还有 {open} 条异议没有答复，答复以后才能公布结果。");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        call.Publish(now);
        var awarded = await db.Set<ContestResult>().Where(r => r.CallId == callId && r.AwardId != null).OrderBy(r => r.Rank).ToListAsync(ct);
        var ids = awarded.Select(r => r.EntryId).ToList();
        var entries = await db.Set<ContestEntry>().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
        var awards = call.Awards.ToDictionary(a => a.Id);

        await using var session = await certificates.BeginAsync(ct);
        var items = new List<(ContestResult Result, Library.Entities.ContentItem Item)>();
        foreach (var result in awarded)
        {
            var entry = entries[result.EntryId];
            var award = awards[result.AwardId!.Value];
            var authors = entry.Authors.Count > 0 ? entry.Authors.OrderBy(a => a.Position).Select(a => a.Name).ToList() : [entry.EntrantName];
            var media = entry.Files.OrderBy(f => f.Position).FirstOrDefault(f => f.ContentType.StartsWith("video/", StringComparison.Ordinal))
                ?? entry.Files.OrderBy(f => f.Position).FirstOrDefault();
            var body = entry.Description + "\n\n" + string.Concat(entry.Links.Select(l => $"- <{l}>\n"))
                + $"\n> 本作品获{call.Title}{award.Name}。作者：{string.Join("、", authors)}。许可：{call.Licence}。";
            var item = library.Add(new AwardedWork(entry.Title, entry.Description, body, media?.Url, media?.ContentType, authors, call.Licence,
                $"经“{call.Title}”专家评审获{award.Name}（{call.RoundCount} 轮双盲评审）", call.Audiences), me, now);
            items.Add((result, item));
        }

        await db.SaveChangesAsync(ct);
        foreach (var (result, item) in items)
        {
            await library.AnnounceAsync(item, now, ct);
            var entry = entries[result.EntryId];
            var award = awards[result.AwardId!.Value];
            var certificate = session.Issue(entry.SubmitterId, entry.EntrantName, "award", $"{call.Title} {award.Name}",
                $"作品《{entry.Title}》" + (award.FundingYuan > 0 ? $" · 资助 {award.FundingYuan} 元" : ""), now);
            result.Published(item.Id, certificate.Code);
            notifier.Send(entry.SubmitterId, $"获奖通知：{call.Title}", $"你的作品《{entry.Title}》获{award.Name}，证书编号 {certificate.Code}，作品已收入科普资源库。",
                "/learn/me");
        }

        ContestAccess.Audit(db, callId, me, "publish", $"公布结果：{items.Count} 件获奖作品入库并颁发证书", now);
        await session.CommitAsync(ct);
        return await results.ResultsAsync(callId, user, ct);
    }
}
