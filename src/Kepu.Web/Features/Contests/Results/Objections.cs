using System.Security.Claims;
using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Contests.Entities;
using Kepu.Web.Features.Notifications;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Validation;
using Kepu.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Contests.Results;

/// <summary>
/// 异议: during 公示 any signed-in person may object to a ranked entry (e.g. plagiarism, ineligibility); the organisers answer each one,
/// and upholding it withdraws the entry's award. Results cannot be published while an objection is unanswered.
/// </summary>
public sealed class Objections(AppDbContext db, Notifier notifier, TimeProvider clock)
{
    public const int MaxPerPersonPerCall = 5;

    public async Task<ObjectionView> FileAsync(int callId, ObjectionRequest r, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var me = ContestAccess.Me(user);
        var call = await ContestAccess.LoadVisibleCallAsync(db, callId, user, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (!call.InPublicity(now))
        {
            throw new BusinessRuleException(call.Stage == CallStages.Publicity || call.Stage == CallStages.Published
                ? "公示期已经结束，不能再提出异议。" : "结果公示期间才能提出异议。");
        }

        var v = new RequestValidator();
        var result = r.EntryId is { } id ? await db.Set<ContestResult>().AsNoTracking().FirstOrDefaultAsync(x => x.CallId == callId && x.EntryId == id, ct) : null;
        if (result is null)
        {
            v.Add("entryId", "请选择公示名单中的作品。");
        }

        var text = (r.Text ?? "").Trim();
        if (text.Length is < 10 or > Objection.MaxText || TextRules.HasMarkup(text) || TextRules.HasControlCharacters(text))
        {
            v.Add("text", $"请写明异议的理由和依据（10 到 {Objection.MaxText} 个字）。");
        }

        v.ThrowIfInvalid();
        if (await db.Set<Objection>().CountAsync(o => o.CallId == callId && o.FiledBy == me, ct) >= MaxPerPersonPerCall)
        {
            throw new BusinessRuleException($"每人对一个征集最多提出 {MaxPerPersonPerCall} 条异议。");
        }

        var objection = new Objection(callId, result!.EntryId, me, text, now);
        db.Add(objection);
        ContestAccess.Audit(db, callId, me, "object", $"对作品 {result.EntryId} 提出异议", now);
        notifier.Send(call.CreatedBy, $"公示异议：{call.Title}", $"有人对作品 {result.EntryId} 提出异议，请在公示期内答复。", $"/contests/{callId}/manage");
        await db.SaveChangesAsync(ct);
        return (await ListAsync(callId, user, ct)).First(o => o.Id == objection.Id);
    }

    public async Task<ObjectionView> AnswerAsync(int objectionId, AnswerRequest r, ClaimsPrincipal user, CancellationToken ct = default)
    {
        ContestAccess.EnsureRuns(user);
        var objection = await db.Set<Objection>().FirstOrDefaultAsync(o => o.Id == objectionId, ct) ?? throw new NotFoundException($"异议 {objectionId} 不存在。");
        var call = await ContestAccess.LoadCallAsync(db, objection.CallId, ct);
        if (call.Stage != CallStages.Publicity)
        {
            throw new BusinessRuleException("结果已经公布，异议不能再改。");
        }

        var answer = (r.Answer ?? "").Trim();
        var v = new RequestValidator();
        if (answer.Length is < 5 or > Objection.MaxText || TextRules.HasMarkup(answer))
        {
            v.Add("answer", $"请写明答复（5 到 {Objection.MaxText} 个字）。");
        }

        if (r.Upheld is null)
        {
            v.Add("upheld", "请选择异议是否成立。");
        }

        v.ThrowIfInvalid();
        var now = clock.GetUtcNow().UtcDateTime;
        objection.Respond(answer, r.Upheld!.Value, ContestAccess.Me(user), now);
        if (r.Upheld.Value)
        {
            var result = await db.Set<ContestResult>().FirstAsync(x => x.CallId == call.Id && x.EntryId == objection.EntryId, ct);
            result.RevokeAward();
        }

        ContestAccess.Audit(db, call.Id, ContestAccess.Me(user), "answer-objection",
            $"答复异议 {objection.Id}（作品 {objection.EntryId}）：{(r.Upheld.Value ? "异议成立，取消奖项" : "异议不成立")}", now);
        notifier.Send(objection.FiledBy, $"异议已答复：{call.Title}", r.Upheld.Value ? "你提出的异议成立。" : "你提出的异议经核查不成立。", $"/contests/{call.Id}/results");
        await db.SaveChangesAsync(ct);
        return (await ListAsync(call.Id, user, ct)).First(o => o.Id == objection.Id);
    }

    /// <summary>Organisers see every objection; others see the ones they filed (the filer's name is never shown).</summary>
    public async Task<IReadOnlyList<ObjectionView>> ListAsync(int callId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var me = user.UserId();
        var all = ContestAccess.Runs(user);
        var rows = await db.Set<Objection>().AsNoTracking().Where(o => o.CallId == callId && (all || o.FiledBy == me)).OrderBy(o => o.FiledAt).ToListAsync(ct);
        var ids = rows.Select(o => o.EntryId).Distinct().ToList();
        var titles = await db.Set<ContestEntry>().AsNoTracking().IgnoreAutoIncludes().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Title, ct);
        return [.. rows.Select(o => new ObjectionView(o.Id, o.EntryId, titles[o.EntryId], o.Text, o.FiledAt, o.Answer, o.Upheld, o.AnsweredAt, o.FiledBy == me))];
    }

    internal static string Deadline(ContestCall call) => call.PublicityUntil is { } until ? Display.Beijing(until) : "";
}
