using System.Security.Claims;
using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Features.Debunk.Entities;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Debunk;

public sealed record ClusterView(int Id, string Text, int Count, DateTime FirstSeen, DateTime LastSeen, IReadOnlyList<string> Districts, bool Rising,
    string State, string StateLabel, string? Category, IReadOnlyList<string> Experts, string? RejectReason, int? EntryId, double? HoursToVerdict,
    IReadOnlyList<string> Screenshots);

public sealed record AssignRequest(string? Category, IReadOnlyList<string>? Experts);

public sealed record RejectRequest(string? Reason);

public sealed record VerdictRequest(string? Claim, string? Verdict, string? Conclusion, string? Title, string? Body, IReadOnlyList<DebunkSource>? Sources);

/// <summary>
/// Triage of submitted rumours: editors see clusters (largest and rising first) and assign them to experts by
/// category or set them aside with a reason; an assigned expert checks and publishes the verdict, which becomes a
/// debunk entry that answers the next submission at once.
/// </summary>
public sealed class Triage(AppDbContext db, IAccountDirectory accounts, DebunkExperts experts, DebunkMatcher matcher, ClusterIndex clusterIndex,
    Insights.Activity.ActivityLog activity, TimeProvider clock)
{
    /// <summary>Clusters shown per kind (rising, largest, latest): a page an editor can read, whatever has piled up.</summary>
    public const int Shown = 200;

    private const int ScreenshotsShown = 4;

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

        if (expertOnly)
        {
            var me = user.UserId() ?? throw new ForbiddenException("请先登录。");
            query = query.Where(c => c.Experts.Contains(me));
        }

        // Rising ones, the largest and the latest, each read by the database; the union is what an editor sees.
        var now = clock.GetUtcNow().UtcDateTime;
        var dayAgo = now.AddDays(-1);
        var rising = await query.Where(c => c.WindowStart > dayAgo && c.RecentCount >= ClaimCluster.RisingAt)
            .OrderByDescending(c => c.RecentCount).Take(Shown).ToListAsync(ct);
        var largest = await query.OrderByDescending(c => c.Count).ThenByDescending(c => c.LastSeen).Take(Shown).ToListAsync(ct);
        var latest = await query.OrderByDescending(c => c.LastSeen).Take(Shown).ToListAsync(ct);
        var clusters = rising.Where(c => c.IsRising(now)).UnionBy(largest, c => c.Id).UnionBy(latest, c => c.Id).ToList();
        // Screenshots sent with the cluster's reports (private images), the latest few per cluster.
        var ids = clusters.Select(c => c.Id).ToList();
        var shots = (await db.Set<SubmittedClaim>().AsNoTracking()
                .Where(c => c.ClusterId != null && ids.Contains(c.ClusterId.Value) && c.Screenshot != null)
                .OrderByDescending(c => c.SubmittedAt).Select(c => new { c.ClusterId, c.Screenshot }).Take(ScreenshotsShown * Shown).ToListAsync(ct))
            .GroupBy(c => c.ClusterId!.Value).ToDictionary(g => g.Key, g => g.Select(c => c.Screenshot!).Distinct().Take(ScreenshotsShown).ToList());
        var names = await accounts.DisplayNamesAsync(clusters.SelectMany(c => c.Experts), ct);
        return clusters.OrderByDescending(c => c.IsRising(now)).ThenByDescending(c => c.Count).ThenByDescending(c => c.LastSeen)
            .Select(c => new ClusterView(c.Id, c.Text, c.Count, c.FirstSeen, c.LastSeen, c.Districts, c.IsRising(now), c.State, ClusterStates.Label(c.State), c.Category,
                c.Experts.Select(e => names.GetValueOrDefault(e, "已注销用户")).ToList(), c.RejectReason, c.EntryId,
                c.TimeToVerdict is { } t ? Math.Round(t.TotalHours, 1) : null, shots.GetValueOrDefault(c.Id) ?? []))
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

        var chosen = (request.Experts ?? []).Distinct().ToList();
        var known = (await experts.AllAsync(ct)).ToDictionary(e => e.Id);
        if (chosen.Count == 0 || chosen.Any(e => !known.ContainsKey(e)))
        {
            throw new ValidationFailedException(new Dictionary<string, string[]> { ["experts"] = ["请选择至少一位专家（须为专家账号）。"] });
        }

        // Rumours go to experts whose disciplines cover their category (as content goes to its reviewers).
        if (chosen.Select(e => known[e]).Where(e => !e.Covers(category!)).ToList() is { Count: > 0 } outside)
        {
            throw new ValidationFailedException(new Dictionary<string, string[]>
            {
                ["experts"] = [.. outside.Select(e => $"专家“{e.Name}”的专业领域（{(e.Disciplines.Count == 0 ? "未设置" : string.Join("、", e.Disciplines))}）不含“{category}”，请选择该领域的专家。")],
            });
        }

        var cluster = await FindAsync(id, ct);
        cluster.Assign(chosen, category!, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
    }

    public async Task RejectAsync(int id, RejectRequest request, ClaimsPrincipal user, CancellationToken ct = default)
    {
        EnsureEditor(user);
        var cluster = await FindAsync(id, ct);
        cluster.Reject(request.Reason ?? "", clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        await clusterIndex.ForgetAsync(id, ct);
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
        activity.Record(Insights.Activity.ActivityKinds.Debunk, "", null, 1, now); // a city-wide verdict: no district
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
