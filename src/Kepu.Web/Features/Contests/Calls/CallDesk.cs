using System.Security.Claims;
using Kepu.Web.Features.Contests.Entities;
using Kepu.Web.Features.Regions;
using Kepu.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Contests.Calls;

/// <summary>Calls: editors create, edit and open them; everyone lists and reads the open ones.</summary>
public sealed class CallDesk(AppDbContext db, IRegionDirectory regions, TimeProvider clock)
{
    public async Task<CallView> CreateAsync(CallRequest request, ClaimsPrincipal user, CancellationToken ct = default)
    {
        ContestAccess.EnsureRuns(user);
        var fields = await request.ValidateAsync(regions, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var call = new ContestCall(fields, ContestAccess.Me(user), now);
        db.Add(call);
        await db.SaveChangesAsync(ct);
        ContestAccess.Audit(db, call.Id, ContestAccess.Me(user), "create", $"创建征集“{call.Title}”", now);
        await db.SaveChangesAsync(ct);
        return await ViewAsync(call, ct);
    }

    public async Task<CallView> EditAsync(int id, CallRequest request, ClaimsPrincipal user, CancellationToken ct = default)
    {
        ContestAccess.EnsureRuns(user);
        var call = await ContestAccess.LoadCallAsync(db, id, ct);
        var fields = await request.ValidateAsync(regions, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        call.Edit(fields);
        ContestAccess.Audit(db, call.Id, ContestAccess.Me(user), "edit", "修改征集规则或日期", now);
        await db.SaveChangesAsync(ct);
        return await ViewAsync(call, ct);
    }

    public async Task<CallView> OpenAsync(int id, ClaimsPrincipal user, CancellationToken ct = default)
    {
        ContestAccess.EnsureRuns(user);
        var call = await ContestAccess.LoadCallAsync(db, id, ct);
        call.Open();
        ContestAccess.Audit(db, call.Id, ContestAccess.Me(user), "open", "发布征集", clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return await ViewAsync(call, ct);
    }

    public async Task<CallView> GetAsync(int id, ClaimsPrincipal user, CancellationToken ct = default) =>
        await ViewAsync(await ContestAccess.LoadVisibleCallAsync(db, id, user, ct), ct);

    /// <summary>Public calls, newest first; those who run calls also see drafts. <paramref name="kind"/> and <paramref name="stage"/> filter.</summary>
    public async Task<IReadOnlyList<CallSummary>> ListAsync(ClaimsPrincipal user, string? kind, string? stage, CancellationToken ct = default)
    {
        var query = db.Set<ContestCall>().AsNoTracking();
        if (!ContestAccess.Runs(user))
        {
            query = query.Where(c => c.Stage != CallStages.Draft);
        }

        if (!string.IsNullOrWhiteSpace(kind))
        {
            query = query.Where(c => c.Kind == kind);
        }

        if (!string.IsNullOrWhiteSpace(stage))
        {
            query = query.Where(c => c.Stage == stage);
        }

        var calls = await query.OrderByDescending(c => c.CreatedAt).Take(200).ToListAsync(ct);
        var ids = calls.Select(c => c.Id).ToList();
        var counts = await db.Set<ContestEntry>().Where(e => ids.Contains(e.CallId) && e.Status != EntryStatus.Withdrawn)
            .GroupBy(e => e.CallId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return [.. calls.Select(c => new CallSummary(c.Id, c.Kind, CallKinds.Label(c.Kind), c.Title, c.Organizer, c.Stage, CallStages.Label(c.Stage),
            c.CollectPhase.StartsOn, c.CollectPhase.EndsOn, c.IsCollecting(now), c.IsVoting(now), counts.GetValueOrDefault(c.Id)))];
    }

    private async Task<CallView> ViewAsync(ContestCall call, CancellationToken ct)
    {
        var entries = await db.Set<ContestEntry>().CountAsync(e => e.CallId == call.Id && e.Status != EntryStatus.Withdrawn, ct);
        var names = (await regions.DistrictsAsync(ct)).ToDictionary(d => d.Code, d => d.Name);
        return CallView.Of(call, entries, clock.GetUtcNow().UtcDateTime, names);
    }
}
