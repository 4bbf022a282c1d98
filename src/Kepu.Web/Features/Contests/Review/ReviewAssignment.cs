using Google.OrTools.Graph;
using Kepu.Web.Infrastructure.Errors;

namespace Kepu.Web.Features.Contests.Review;

/// <summary>
/// Assigns reviewers to entries (评审分配) with Google OR-Tools' min-cost flow.
/// <para>
/// Rules: every entry gets exactly K distinct reviewers; a conflicted (entry, reviewer) pair is never assigned; the loads
/// are as even as the conflicts allow. Precisely, the load vector is <em>decreasingly minimal</em>: the largest load is as
/// small as possible, then the number of reviewers carrying it is as small as possible, and so on down. In particular the
/// loads differ by at most one (every load is ⌊nK/R⌋ or ⌈nK/R⌉) whenever any assignment with such loads exists, and the
/// maximum load is minimal otherwise.
/// </para>
/// <para>
/// Feasibility: reviewer loads are not capped, so an assignment exists exactly when every entry has at least K reviewers
/// it does not conflict with; otherwise <see cref="AssignmentImpossibleException"/> names the first entry that has not.
/// </para>
/// <para>
/// Model: source → entry (capacity K) → reviewer (capacity 1, only non-conflicted pairs) → sink, where a reviewer's
/// arcs to the sink are one unit arc per possible load level t = 1, 2, … costing t. The flow must send nK units, so each
/// entry gets K reviewers; a min-cost flow fills cheap levels first, so it minimises Σ t(t+1)/2 over the loads, a strictly
/// convex separable function. On the loads a flow network can produce (an integral base polyhedron), minimising such a
/// function yields exactly the decreasingly minimal load vectors (Frank &amp; Murota, "Discrete decreasing minimization").
/// </para>
/// <para>
/// Tie-breaking: many assignments share the best loads. Each entry→reviewer arc gets a small pseudo-random cost drawn from
/// <see cref="AssignmentProblem.Seed"/>, and the load costs are multiplied by a factor larger than any sum of those random
/// costs, so the random costs only choose among equally balanced assignments. The solver is deterministic, so one seed
/// always gives one assignment, and different seeds pair reviewers differently.
/// </para>
/// </summary>
public static class ReviewAssignment
{
    /// <summary>Random arc costs are drawn from [0, MaxJitter); smaller on very large problems to keep costs inside 64 bits.</summary>
    private const int MaxJitter = 1000;

    /// <summary>Keeps every cost the solver may compute (it scales costs by the node count) far below <see cref="long.MaxValue"/>.</summary>
    private const double CostBudget = 1e17;

    /// <exception cref="AssignmentImpossibleException">Some entry has fewer than K reviewers it does not conflict with.</exception>
    /// <exception cref="BusinessRuleException">K is less than 1.</exception>
    /// <exception cref="ArgumentException">Duplicate entries or reviewers.</exception>
    public static AssignmentResult Assign(AssignmentProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(problem.Entries);
        ArgumentNullException.ThrowIfNull(problem.Reviewers);
        ArgumentNullException.ThrowIfNull(problem.Conflicts);
        if (problem.K < 1)
        {
            throw new BusinessRuleException("每件作品至少需要 1 位评审。");
        }

        var entries = problem.Entries;
        var reviewers = problem.Reviewers;
        if (entries.Distinct().Count() != entries.Count)
        {
            throw new ArgumentException("Entries must be distinct.", nameof(problem));
        }

        if (reviewers.Distinct(StringComparer.Ordinal).Count() != reviewers.Count)
        {
            throw new ArgumentException("Reviewers must be distinct.", nameof(problem));
        }

        var n = entries.Count;
        var r = reviewers.Count;
        var k = problem.K;
        var allowed = new List<int>[n];
        var capacity = new int[r];
        for (var e = 0; e < n; e++)
        {
            allowed[e] = [];
            for (var j = 0; j < r; j++)
            {
                if (!problem.Conflicts.Contains((entries[e], reviewers[j])))
                {
                    allowed[e].Add(j);
                    capacity[j]++;
                }
            }

            if (allowed[e].Count < k)
            {
                throw new AssignmentImpossibleException(entries[e], allowed[e].Count, k);
            }
        }

        var loads = reviewers.ToDictionary(x => x, _ => 0, StringComparer.Ordinal);
        if (n == 0)
        {
            return new AssignmentResult(new Dictionary<int, IReadOnlyList<string>>(), loads);
        }

        // Nodes: 0 = source, 1..n = entries, n+1..n+r = reviewers, n+r+1 = sink.
        var source = 0;
        var sink = n + r + 1;
        long units = (long)n * k;
        var maxLevel = capacity.Max();
        var jitter = (int)Math.Clamp((CostBudget / ((double)maxLevel * (sink + 2)) - 1) / units + 1, 1, MaxJitter);
        var loadFactor = units * (jitter - 1) + 1; // exceeds any sum of random arc costs
        var random = new Random(problem.Seed);

        var arcCount = n + allowed.Sum(a => a.Count) + capacity.Sum();
        using var flow = new MinCostFlow(sink + 1, arcCount);
        for (var e = 0; e < n; e++)
        {
            flow.AddArcWithCapacityAndUnitCost(source, 1 + e, k, 0);
        }

        var pairArcs = new (int Arc, int Entry, int Reviewer)[allowed.Sum(a => a.Count)];
        var p = 0;
        for (var e = 0; e < n; e++)
        {
            foreach (var j in allowed[e])
            {
                var arc = flow.AddArcWithCapacityAndUnitCost(1 + e, 1 + n + j, 1, random.Next(jitter));
                pairArcs[p++] = (arc, e, j);
            }
        }

        for (var j = 0; j < r; j++)
        {
            for (var level = 1; level <= capacity[j]; level++)
            {
                flow.AddArcWithCapacityAndUnitCost(1 + n + j, sink, 1, level * loadFactor);
            }
        }

        flow.SetNodeSupply(source, units);
        flow.SetNodeSupply(sink, -units);
        var status = flow.Solve();
        if (status != MinCostFlowBase.Status.OPTIMAL)
        {
            throw new InvalidOperationException($"Min-cost flow ended with status {status}.");
        }

        var chosen = new List<int>[n];
        for (var e = 0; e < n; e++)
        {
            chosen[e] = new List<int>(k);
        }

        foreach (var (arc, e, j) in pairArcs)
        {
            if (flow.Flow(arc) > 0)
            {
                chosen[e].Add(j);
                loads[reviewers[j]]++;
            }
        }

        var byEntry = new Dictionary<int, IReadOnlyList<string>>(n);
        for (var e = 0; e < n; e++)
        {
            chosen[e].Sort();
            byEntry[entries[e]] = chosen[e].Select(j => reviewers[j]).ToList();
        }

        return new AssignmentResult(byEntry, loads);
    }
}
