using System.Security.Claims;
using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Features.Debunk.Entities;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Debunk;

public sealed record ClusterView(int Id, string Text, int Count, DateTime FirstSeen, DateTime LastSeen, IReadOnlyList<string> Districts, bool Rising,
    string State, string StateLabel, string? Category, IReadOnlyList<string> Experts, string? RejectReason, int? EntryId, double? HoursToVerdict);

public sealed record AssignRequest(string? Category, IReadOnlyList<string>? Experts);

public sealed record RejectRequest(string? Reason);

public sealed record VerdictRequest(string? Claim, string? Verdict, string? Conclusion, string? Title, string? Body, IReadOnlyList<DebunkSource>? Sources);

/// <summary>
/// Triage of submitted rumours: editors see clusters (largest and rising first) and assign them to experts by
/// category or set them aside with a reason; an assigned expert checks and publishes the verdict, which becomes a
/// debunk entry that answers the next submission at once.
/// </summary>
public sealed class Triage(AppDbContext db, IAccountDirectory accounts, DebunkMatcher matcher, TimeProvider clock)
{
    public async Task<IReadOnlyList<ClusterView>> ListAsync(ClaimsPrincipal user, string? state, CancellationToken ct = default)
    {
        var expertOnly = !IsEditor(user);
        if (expertOnly && !user.IsInRole(Roles.Expert))
        {
            throw new ForbiddenException("只有编辑和专家可以查看线索。");
        }

        var query = db.Set<ClaimCluster>().AsNoTracking();
        if (!string.IsNullOrEmpty(state))
        {
            query = query.Where(c => c.State == state);
        }

        var clusters = await query.OrderByDescending(c => c.LastSeen).Take(500).ToListAsync(ct);
        var me = user.UserId();
        if (expertOnly)
        {
            clusters = [.. clusters.Where(c => me is not null && c.Experts.Contains(me))];
        }

        var names = await accounts.DisplayNamesAsync(clusters.SelectMany(c => c.Experts), ct);
        return clusters.OrderByDescending(c => c.Rising).ThenByDescending(c => c.Count).ThenByDescending(c => c.LastSeen)
            .Select(c => new ClusterView(c.Id, c.Text, c.Count, c.FirstSeen, c.LastSeen, c.Districts, c.Rising, c.State, ClusterStates.Label(c.State), c.Category,
                c.Experts.Select(e => names.GetValueOrDefault(e, "已注销用户")).ToList(), c.RejectReason, c.EntryId,
                c.TimeToVerdict is { } t ? Math.Round(t.TotalHours, 1) : null))
            .ToList();
    }

    public async Task AssignAsync(int id, AssignRequest request, ClaimsPrincipal user, CancellationToken ct = default)
    {
        EnsureEditor(user);
        var category = request.Category?.Trim();
        if (!DebunkCategories.IsValid(category))
        {
            throw new ValidationFailedException(new Dictionary<string, string[]> { ["category"] = [$"请选择分类：{string.Join("、", DebunkCategories.All)}。"] });
        }

        var experts = (request.Experts ?? []).Distinct().ToList();
        var known = (await accounts.ExpertsAsync(ct)).Select(e => e.Id).ToHashSet();
        if (experts.Count == 0 || experts.Any(e => !known.Contains(e)))
        {
            throw new ValidationFailedException(new Dictionary<string, string[]> { ["experts"] = ["请选择至少一位专家（须为专家账号）。"] });
        }

        var cluster = await FindAsync(id, ct);
        cluster.Assign(experts, category!, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
    }

    public async Task RejectAsync(int id, RejectRequest request, ClaimsPrincipal user, CancellationToken ct = default)
    {
        EnsureEditor(user);
        var cluster = await FindAsync(id, ct);
        cluster.Reject(request.Reason ?? "", clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
    }

    public async Task StartAsync(int id, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var cluster = await FindAsync(id, ct);
        cluster.StartChecking(user.UserId() ?? throw new ForbiddenException("请先登录。"));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The assigned expert's verdict: a new debunk entry (reviewed by them), and the cluster is published.</summary>
    public async Task<int> PublishVerdictAsync(int id, VerdictRequest request, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var expert = user.UserId() ?? throw new ForbiddenException("请先登录。");
        var cluster = await FindAsync(id, ct);
        cluster.EnsureAssignedTo(expert);
        var name = (await accounts.DisplayNamesAsync([expert], ct)).GetValueOrDefault(expert, "专家");
        var input = new DebunkInput
        {
            Id = $"cluster-{id}",
            Claim = string.IsNullOrWhiteSpace(request.Claim) ? cluster.Text : request.Claim,
            Verdict = request.Verdict,
            Conclusion = request.Conclusion,
            Title = request.Title,
            Body = request.Body,
            Category = cluster.Category,
            Sources = request.Sources?.ToList(),
            Experts = [name],
            FirstSeen = DateOnly.FromDateTime(cluster.FirstSeen).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        };
        var (fields, errors) = input.Validate();
        if (fields is null)
        {
            throw new ValidationFailedException(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var entry = new DebunkEntry($"cluster-{id}", fields with { Phrasings = [.. fields.Phrasings, cluster.Text.Length <= DebunkRules.MaxClaim ? cluster.Text : cluster.Text[..DebunkRules.MaxClaim]] }, expert, now);
        db.Add(entry);
        await db.SaveChangesAsync(ct);
        cluster.Publish(entry.Id, expert, now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        matcher.Invalidate();
        return entry.Id;
    }

    private async Task<ClaimCluster> FindAsync(int id, CancellationToken ct) =>
        await db.Set<ClaimCluster>().FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException($"线索 {id} 不存在。");

    private static bool IsEditor(ClaimsPrincipal user) => user.IsInRole(Roles.Editor) || user.IsInRole(Roles.Admin);

    private static void EnsureEditor(ClaimsPrincipal user)
    {
        if (!IsEditor(user))
        {
            throw new ForbiddenException("只有编辑可以分派或搁置线索。");
        }
    }
}
