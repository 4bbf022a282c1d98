namespace Kepu.Web.Features.Outreach.Caravans.Planning;

/// <summary>What no plan can beat, to judge the planner by (bench plan, docs/benchmarks.md).</summary>
public static class PlanBounds
{
    /// <summary>
    /// A lower bound on the driving of any set of tours from the homes (nodes <c>0..homes-1</c>) that together visit
    /// <paramref name="targets"/>: the minimum spanning tree over the targets and one node standing for all homes (homes
    /// joined at zero cost). The union of the tours connects every target to a home, so it contains a spanning tree of that
    /// graph and costs at least the minimum one. Prim's algorithm, O(n²) on the dense matrix.
    /// </summary>
    public static long SpanningTree(long[,] metres, int homes, IReadOnlyList<int> targets)
    {
        ArgumentNullException.ThrowIfNull(metres);
        ArgumentNullException.ThrowIfNull(targets);
        if (targets.Count == 0 || homes == 0)
        {
            return 0;
        }

        // best[k]: cheapest edge from target k to the tree, which starts as the merged home node.
        var best = targets.Select(t => Enumerable.Range(0, homes).Min(h => Math.Min(metres[h, t], metres[t, h]))).ToArray();
        var inTree = new bool[targets.Count];
        long total = 0;
        for (var added = 0; added < targets.Count; added++)
        {
            var pick = -1;
            for (var k = 0; k < targets.Count; k++)
            {
                if (!inTree[k] && (pick < 0 || best[k] < best[pick]))
                {
                    pick = k;
                }
            }

            inTree[pick] = true;
            total += best[pick];
            for (var k = 0; k < targets.Count; k++)
            {
                if (!inTree[k])
                {
                    best[k] = Math.Min(best[k], Math.Min(metres[targets[pick], targets[k]], metres[targets[k], targets[pick]]));
                }
            }
        }

        return total;
    }

    /// <summary>
    /// The exact shortest single tour from node 0 through <paramref name="targets"/> and back (Held–Karp dynamic programming,
    /// O(2ⁿ·n²), at most 20 targets), ignoring the calendar. With <paramref name="priority"/> the tour must visit every
    /// priority target before any other, as the planner does.
    /// </summary>
    public static long ExactTour(long[,] metres, IReadOnlyList<int> targets, IReadOnlySet<int>? priority = null)
    {
        ArgumentNullException.ThrowIfNull(metres);
        ArgumentNullException.ThrowIfNull(targets);
        var n = targets.Count;
        if (n > 20)
        {
            throw new ArgumentException("Held–Karp 只适用于不超过 20 个目标。", nameof(targets));
        }

        if (n == 0)
        {
            return 0;
        }

        var priorityMask = 0;
        for (var k = 0; k < n; k++)
        {
            if (priority?.Contains(targets[k]) == true)
            {
                priorityMask |= 1 << k;
            }
        }

        var full = 1 << n;
        var cost = new long[full * n];
        Array.Fill(cost, long.MaxValue);
        for (var k = 0; k < n; k++)
        {
            if (Allowed(0, k, priorityMask))
            {
                cost[((1 << k) * n) + k] = metres[0, targets[k]];
            }
        }

        for (var mask = 1; mask < full; mask++)
        {
            for (var last = 0; last < n; last++)
            {
                var here = cost[(mask * n) + last];
                if (here == long.MaxValue)
                {
                    continue;
                }

                for (var next = 0; next < n; next++)
                {
                    if ((mask & (1 << next)) != 0 || !Allowed(mask, next, priorityMask))
                    {
                        continue;
                    }

                    var slot = ((mask | (1 << next)) * n) + next;
                    var candidate = here + metres[targets[last], targets[next]];
                    if (candidate < cost[slot])
                    {
                        cost[slot] = candidate;
                    }
                }
            }
        }

        var best = long.MaxValue;
        for (var last = 0; last < n; last++)
        {
            var here = cost[((full - 1) * n) + last];
            if (here != long.MaxValue)
            {
                best = Math.Min(best, here + metres[targets[last], 0]);
            }
        }

        return best;
    }

    /// <summary>A non-priority target may only be added once every priority target is in the tour.</summary>
    private static bool Allowed(int mask, int next, int priorityMask) =>
        (priorityMask & (1 << next)) != 0 || (mask & priorityMask) == priorityMask;
}
