using System.Globalization;
using System.Security.Claims;
using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Features.Learning.Entities;
using Kepu.Web.Features.Learning.Ledger;
using Kepu.Web.Features.Library.Media;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Learning.Activities;

public sealed record ActivityView(int Id, string Kind, string KindLabel, string Title, DateOnly Date, string Place, int Audience, decimal Hours,
    string Evidence, int? OrganizationId, string? OrganizationName, string? Supervisor, string? SupervisorName, string OwnerName, string State,
    string StateLabel, string? ReturnReason, DateTime SubmittedAt, int Submissions, string? ReviewerName, DateTime? ReviewedAt, decimal? GrantedHours,
    decimal? GrantedCredits, long? LedgerSequence, bool CanEdit, bool CanReview)
{
    /// <summary>Who reviews it, as people read it: the organisation, or the supervisor with their user name.</summary>
    public string ReviewedBy => OrganizationName ?? $"导师 {SupervisorName}（{Supervisor}）";
}

/// <param name="Hours">The hours granted; when left out, the hours claimed.</param>
public sealed record ApproveRequest(decimal? Hours);

public sealed record ReturnRequest(string? Reason);

/// <summary>
/// 科普学分与工作实绩: people record what they did; a manager of the organisation they chose, the supervisor they
/// named, or an administrator approves it (hours and credits granted, the grant appended to the ledger in the same
/// transaction) or returns it with a reason; the owner edits a returned one and sends it again.
/// </summary>
public sealed class ScienceActivities(AppDbContext db, ActivityInput input, IAccountDirectory accounts, LedgerWriter ledger, MediaStore media, TimeProvider clock)
{
    /// <summary>Rows in one list: a person's whole history, or a reviewer's queue, fits on a page.</summary>
    public const int Shown = 500;

    /// <summary>Records an activity, sent for review at once. <paramref name="upload"/>: evidence sent as a file (the page), stored only once the rest is valid.</summary>
    public async Task<ActivityView> CreateAsync(string me, ActivityRequest request, Stream? upload = null, CancellationToken ct = default)
    {
        var details = await DetailsAsync(me, request, upload, ct);
        var activity = new ScienceActivity(me, details, clock.GetUtcNow().UtcDateTime);
        db.Add(activity);
        await db.SaveChangesAsync(ct);
        return (await ViewsAsync([activity], Reviewer.None(me), ct))[0];
    }

    /// <summary>The owner edits a returned activity; it goes back to 待审核.</summary>
    public async Task<ActivityView> ResubmitAsync(int id, string me, ActivityRequest request, Stream? upload = null, CancellationToken ct = default)
    {
        var activity = await FindAsync(id, ct);
        activity.EnsureEditableBy(me);
        activity.Resubmit(me, await DetailsAsync(me, request, upload, ct), clock.GetUtcNow().UtcDateTime);
        await SaveAsync(() => db.SaveChangesAsync(ct));
        return (await ViewsAsync([activity], Reviewer.None(me), ct))[0];
    }

    public async Task<IReadOnlyList<ActivityView>> MineAsync(string me, CancellationToken ct = default)
    {
        var rows = await db.Set<ScienceActivity>().AsNoTracking().Where(a => a.OwnerId == me)
            .OrderByDescending(a => a.Date).ThenByDescending(a => a.Id).Take(Shown).ToListAsync(ct);
        return await ViewsAsync(rows, Reviewer.None(me), ct);
    }

    /// <summary>What the caller may review (never their own): <paramref name="state"/> submitted (the default; oldest first), approved, returned or all.</summary>
    public async Task<IReadOnlyList<ActivityView>> ToReviewAsync(ClaimsPrincipal user, string? state, CancellationToken ct = default)
    {
        state = string.IsNullOrEmpty(state) ? ActivityStates.Submitted : state;
        if (state != "all" && !ActivityStates.All.Contains(state))
        {
            throw new ValidationFailedException(new Dictionary<string, string[]> { ["state"] = ["状态只能是 submitted、approved、returned 或 all。"] });
        }

        var reviewer = await ReviewerAsync(user, ct);
        var query = db.Set<ScienceActivity>().AsNoTracking().Where(a => a.OwnerId != reviewer.Id);
        if (!reviewer.Admin)
        {
            var managed = reviewer.Managed;
            query = query.Where(a => (a.OrganizationId != null && managed.Contains(a.OrganizationId.Value)) || a.SupervisorId == reviewer.Id);
        }

        if (state != "all")
        {
            query = query.Where(a => a.State == state);
        }

        query = state == ActivityStates.Submitted
            ? query.OrderBy(a => a.SubmittedAt).ThenBy(a => a.Id)
            : query.OrderByDescending(a => a.ReviewedAt ?? a.SubmittedAt).ThenByDescending(a => a.Id);
        return await ViewsAsync(await query.Take(Shown).ToListAsync(ct), reviewer, ct);
    }

    /// <summary>One activity, for its owner and the people who may review it.</summary>
    public async Task<ActivityView> GetAsync(int id, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var activity = await db.Set<ScienceActivity>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw Missing(id);
        var reviewer = await ReviewerAsync(user, ct);
        if (activity.OwnerId != reviewer.Id && !reviewer.Covers(activity))
        {
            throw new ForbiddenException("只有本人和审核人可以查看这条活动。");
        }

        return (await ViewsAsync([activity], reviewer, ct))[0];
    }

    /// <summary>Approves with the hours granted; the credits follow the rule of its kind. The grant and its ledger record commit together.</summary>
    public async Task<ActivityView> ApproveAsync(int id, ClaimsPrincipal user, ApproveRequest request, CancellationToken ct = default)
    {
        var reviewer = await ReviewerAsync(user, ct);
        ScienceActivity activity;
        await using (var session = await ledger.BeginAsync(db, ct))
        {
            // Read under the ledger's lock: two approvals of the same activity run one after the other, the second refused.
            activity = await FindAsync(id, ct);
            EnsureMayReview(activity, reviewer);
            var now = clock.GetUtcNow().UtcDateTime;
            var hours = request.Hours ?? activity.Hours;
            var credits = activity.Approve(reviewer.Id, hours, now);
            activity.Recorded(Grant(session, activity, hours, credits, reviewer.Id, now).Sequence);
            await SaveAsync(() => session.CommitAsync(ct));
        }

        return (await ViewsAsync([activity], reviewer, ct))[0];
    }

    /// <summary>
    /// Work another module has confirmed (a volunteer's hours, confirmed by a district administrator or the organising
    /// organisation): recorded as an approved activity and granted on the ledger, in one transaction with the caller's own
    /// change. <paramref name="confirm"/> runs under the ledger's lock on this request's context: it reads, checks and changes
    /// the caller's rows (throwing to abort) and says what was done; <paramref name="recorded"/> links the result back before
    /// the commit. Either all of it is saved, or nothing.
    /// </summary>
    public async Task<RecordedWork> RecordConfirmedAsync(Func<CancellationToken, Task<ConfirmedWork>> confirm, Action<RecordedWork> recorded,
        CancellationToken ct = default)
    {
        await using var session = await ledger.BeginAsync(db, ct);
        var work = await confirm(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var byOrganization = work.OrganizationId is not null;
        var activity = new ScienceActivity(work.OwnerId, new ActivityDetails(work.Kind, work.Title, work.Date, work.Place, work.Audience, work.Hours,
            work.Evidence, work.OrganizationId, byOrganization ? null : work.ReviewerId, byOrganization ? null : work.ReviewerUserName), now);
        var credits = activity.Approve(work.ReviewerId, work.Hours, now);
        db.Add(activity);
        // Saved once inside the transaction for the activity's number, which the ledger record names.
        await SaveAsync(() => db.SaveChangesAsync(ct));
        var entry = Grant(session, activity, work.Hours, credits, work.ReviewerId, now);
        activity.Recorded(entry.Sequence);
        var result = new RecordedWork(activity.Id, entry.Sequence, work.Hours, credits);
        recorded(result);
        await SaveAsync(() => session.CommitAsync(ct));
        return result;
    }

    private static LedgerEntry Grant(LedgerSession session, ScienceActivity activity, decimal hours, decimal credits, string reviewerId, DateTime now) =>
        session.Append(LedgerKinds.CreditGrant, activity.OwnerId, new
        {
            activity = activity.Id,
            owner = activity.OwnerId,
            kind = activity.Kind,
            title = activity.Title,
            date = activity.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            hours,
            credits,
            reviewer = reviewerId,
        }, now);

    public async Task<ActivityView> ReturnAsync(int id, ClaimsPrincipal user, ReturnRequest request, CancellationToken ct = default)
    {
        var reviewer = await ReviewerAsync(user, ct);
        var activity = await FindAsync(id, ct);
        EnsureMayReview(activity, reviewer);
        activity.Return(reviewer.Id, request.Reason, clock.GetUtcNow().UtcDateTime);
        await SaveAsync(() => db.SaveChangesAsync(ct));
        return (await ViewsAsync([activity], reviewer, ct))[0];
    }

    /// <summary>A person's approved activities by date with totals: the record for graduate credit and title evaluation.</summary>
    public async Task<ActivityRecord> RecordAsync(string me, CancellationToken ct = default)
    {
        var rows = await db.Set<ScienceActivity>().AsNoTracking().Where(a => a.OwnerId == me && a.State == ActivityStates.Approved)
            .OrderBy(a => a.Date).ThenBy(a => a.Id).ToListAsync(ct);
        var views = await ViewsAsync(rows, Reviewer.None(me), ct);
        var byKind = ActivityKinds.All.Select(k => (k, Rows: views.Where(v => v.Kind == k.Code).ToList())).Where(g => g.Rows.Count > 0)
            .Select(g => new KindTotal(g.k.Code, g.k.Label, g.Rows.Count, g.Rows.Sum(v => v.GrantedHours ?? 0), g.Rows.Sum(v => v.GrantedCredits ?? 0),
                g.Rows.Sum(v => v.Audience)))
            .ToList();
        var name = (await accounts.DisplayNamesAsync([me], ct)).GetValueOrDefault(me, "");
        return new ActivityRecord(name, views, byKind, byKind.Sum(k => k.Hours), byKind.Sum(k => k.Credits), byKind.Sum(k => k.Audience),
            clock.GetUtcNow().UtcDateTime);
    }

    private async Task<ActivityDetails> DetailsAsync(string me, ActivityRequest request, Stream? upload, CancellationToken ct)
    {
        var details = await input.CheckAsync(request, me, upload is not null, ct);
        return upload is null ? details : details with { Evidence = (await media.SaveAsync(upload, null, ct)).Url };
    }

    private async Task<ScienceActivity> FindAsync(int id, CancellationToken ct) =>
        await db.Set<ScienceActivity>().FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw Missing(id);

    private static NotFoundException Missing(int id) => new($"活动记录 {id} 不存在。");

    private async Task<Reviewer> ReviewerAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var me = user.UserId() ?? throw new ForbiddenException("请先登录。");
        return new Reviewer(me, user.IsInRole(Roles.Admin), await accounts.ManagedOrganizationIdsAsync(me, ct));
    }

    private static void EnsureMayReview(ScienceActivity activity, Reviewer reviewer)
    {
        if (activity.OwnerId == reviewer.Id)
        {
            throw new ForbiddenException("不能审核自己的活动。");
        }

        if (!reviewer.Covers(activity))
        {
            throw new ForbiddenException("只有所选单位的管理员、指定的导师或平台管理员可以审核这条活动。");
        }
    }

    /// <summary>A reviewer who acted at the same moment wins; this one is told to look again.</summary>
    private static async Task SaveAsync(Func<Task> save)
    {
        try
        {
            await save();
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new BusinessRuleException("这条活动刚被别人处理过，请刷新后再看。");
        }
    }

    private async Task<IReadOnlyList<ActivityView>> ViewsAsync(IReadOnlyList<ScienceActivity> rows, Reviewer viewer, CancellationToken ct)
    {
        var people = rows.SelectMany(a => new[] { a.OwnerId, a.SupervisorId, a.ReviewerId }).OfType<string>().Distinct().ToList();
        var names = await accounts.DisplayNamesAsync(people, ct);
        var orgs = await accounts.OrganizationNamesAsync(rows.Select(a => a.OrganizationId).OfType<int>().Distinct(), ct);
        string? Name(string? id) => id is null ? null : names.GetValueOrDefault(id, "已注销用户");
        return rows.Select(a => new ActivityView(a.Id, a.Kind, ActivityKinds.Label(a.Kind), a.Title, a.Date, a.Place, a.Audience, a.Hours, a.Evidence,
                a.OrganizationId, a.OrganizationId is { } o ? orgs.GetValueOrDefault(o, "已撤销的单位") : null, a.Supervisor, Name(a.SupervisorId),
                Name(a.OwnerId)!, a.State, ActivityStates.Label(a.State), a.ReturnReason, a.SubmittedAt, a.Submissions, Name(a.ReviewerId), a.ReviewedAt,
                a.GrantedHours, a.GrantedCredits, a.LedgerSequence, a.OwnerId == viewer.Id && a.State == ActivityStates.Returned,
                a.OwnerId != viewer.Id && a.State == ActivityStates.Submitted && viewer.Covers(a)))
            .ToList();
    }

    /// <summary>Who is asking, and what they may review: everything (administrators), their organisations' and their supervisees' activities.</summary>
    private sealed record Reviewer(string Id, bool Admin, IReadOnlyList<int> Managed)
    {
        public static Reviewer None(string id) => new(id, false, []);

        public bool Covers(ScienceActivity a) => Admin || a.SupervisorId == Id || (a.OrganizationId is { } o && Managed.Contains(o));
    }
}

/// <summary>Work confirmed outside this module, to be recorded as an approved activity (see <see cref="ScienceActivities.RecordConfirmedAsync"/>).</summary>
/// <param name="OrganizationId">The confirming organisation; when null, <paramref name="ReviewerId"/> stands as the supervisor.</param>
public sealed record ConfirmedWork(string OwnerId, string Kind, string Title, DateOnly Date, string Place, int Audience, decimal Hours, string Evidence,
    int? OrganizationId, string ReviewerId, string? ReviewerUserName);

public sealed record RecordedWork(int ActivityId, long LedgerSequence, decimal Hours, decimal Credits);

public sealed record KindTotal(string Kind, string Label, int Count, decimal Hours, decimal Credits, long Audience);

public sealed record ActivityRecord(string OwnerName, IReadOnlyList<ActivityView> Activities, IReadOnlyList<KindTotal> ByKind, decimal Hours, decimal Credits,
    long Audience, DateTime PreparedAt);
