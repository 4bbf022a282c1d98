using System.Diagnostics;
using Kepu.Web.Features.Contests.Review;
using Kepu.Web.Infrastructure.Errors;
using Xunit.Abstractions;

namespace Kepu.Tests.Features.Contests;

/// <summary>
/// Reviewer assignment, checked against an independent oracle: a plain augmenting-path max flow with lower bounds written
/// here (no OR-Tools) decides whether balanced loads are possible and what the smallest possible maximum load is; tiny
/// instances are also enumerated exhaustively to check that the load vector is the most balanced one.
/// </summary>
public sealed class ReviewAssignmentTests(ITestOutputHelper output)
{
    private static AssignmentProblem RandomProblem(Random random)
    {
        var k = random.Next(1, 6);
        var reviewerCount = random.Next(k, 16);
        var entryCount = random.Next(1, 61);
        var density = random.NextDouble() * 0.3;
        var entries = Enumerable.Range(1, 500).OrderBy(_ => random.Next()).Take(entryCount).ToList();
        var reviewers = Enumerable.Range(1, reviewerCount).Select(i => $"reviewer-{i}").ToList();
        // Sometimes a few reviewers conflict with most entries (say, the organisation that sent most of them), which can make
        // balanced loads impossible.
        var busy = random.Next(3) == 0 ? reviewers.Take(random.Next(1, 3)).ToHashSet() : [];
        var conflicts = new HashSet<(int, string)>();
        foreach (var e in entries)
        {
            foreach (var r in reviewers)
            {
                if (random.NextDouble() < (busy.Contains(r) ? 0.85 : density))
                {
                    conflicts.Add((e, r));
                }
            }
        }

        return new AssignmentProblem(entries, reviewers, k, conflicts, random.Next());
    }

    [Fact]
    public void RandomInstances_KeepEveryRule_OrThrowForTheFirstUncoverableEntry()
    {
        var random = new Random(20260701);
        int solved = 0, impossible = 0, unbalancedButOptimal = 0;
        for (var instance = 0; instance < 300; instance++)
        {
            var problem = RandomProblem(random);
            var available = problem.Entries.Select(e => problem.Reviewers.Count(r => !problem.Conflicts.Contains((e, r)))).ToList();
            var firstShort = available.FindIndex(a => a < problem.K);
            if (firstShort >= 0)
            {
                var error = Assert.Throws<AssignmentImpossibleException>(() => ReviewAssignment.Assign(problem));
                Assert.Equal(problem.Entries[firstShort], error.Entry);
                Assert.Equal($"作品 {problem.Entries[firstShort]} 只有 {available[firstShort]} 位没有利益冲突的评审，每件作品需要 {problem.K} 位。", error.Message);
                impossible++;
                continue;
            }

            var result = ReviewAssignment.Assign(problem);
            CheckHardRules(problem, result);
            var oracle = new Oracle(problem);
            var n = problem.Entries.Count * problem.K;
            var floor = n / problem.Reviewers.Count;
            var ceil = (n + problem.Reviewers.Count - 1) / problem.Reviewers.Count;
            if (oracle.Feasible(floor, ceil))
            {
                Assert.True(result.MaxLoad - result.MinLoad <= 1, $"instance {instance}: loads {result.MinLoad}..{result.MaxLoad} though balanced is feasible");
            }
            else
            {
                unbalancedButOptimal++;
            }

            Assert.Equal(oracle.SmallestMaxLoad(), result.MaxLoad);
            solved++;
        }

        output.WriteLine($"solved {solved} (of which {unbalancedButOptimal} could not be balanced), impossible {impossible}");
        Assert.True(solved >= 100 && impossible >= 30 && unbalancedButOptimal >= 10,
            $"solved {solved}, impossible {impossible}, unbalanced {unbalancedButOptimal}: the generator no longer covers every case");
    }

    [Fact]
    public void TinyInstances_GetTheMostBalancedLoadsThatExist()
    {
        var random = new Random(7);
        var checkedCount = 0;
        for (var instance = 0; instance < 400 && checkedCount < 150; instance++)
        {
            var k = random.Next(1, 3);
            var reviewers = Enumerable.Range(1, random.Next(k, 6)).Select(i => $"r{i}").ToList();
            var entries = Enumerable.Range(1, random.Next(1, 5)).ToList();
            var conflicts = new HashSet<(int, string)>();
            foreach (var e in entries)
            {
                foreach (var r in reviewers.Where(_ => random.NextDouble() < 0.45))
                {
                    conflicts.Add((e, r));
                }
            }

            var problem = new AssignmentProblem(entries, reviewers, k, conflicts, instance);
            var best = BestLoadsByEnumeration(problem);
            if (best is null)
            {
                Assert.Throws<AssignmentImpossibleException>(() => ReviewAssignment.Assign(problem));
                continue;
            }

            var result = ReviewAssignment.Assign(problem);
            CheckHardRules(problem, result);
            Assert.Equal(best, result.Loads.Values.OrderDescending().ToArray());
            checkedCount++;
        }

        Assert.True(checkedCount >= 100, $"only {checkedCount} feasible tiny instances");
    }

    [Fact]
    public void ConflictsForceUnevenLoads_MaximumLoadIsStillTheSmallestPossible()
    {
        // Reviewers b and c conflict with entries 3–6, so those four entries can only go to a and d: 4 each, and balanced
        // loads (3 each) are impossible. The most balanced assignment gives entries 1–2 to b and c rather than to a or d.
        var entries = Enumerable.Range(1, 6).ToList();
        string[] reviewers = ["a", "b", "c", "d"];
        var conflicts = new HashSet<(int, string)>();
        foreach (var e in entries.Where(e => e > 2))
        {
            conflicts.Add((e, "b"));
            conflicts.Add((e, "c"));
        }

        var result = ReviewAssignment.Assign(new AssignmentProblem(entries, reviewers, 2, conflicts));

        CheckHardRules(new AssignmentProblem(entries, reviewers, 2, conflicts), result);
        Assert.Equal(new Dictionary<string, int> { ["a"] = 4, ["b"] = 2, ["c"] = 2, ["d"] = 4 }, result.Loads);
    }

    [Fact]
    public void Impossible_KAboveReviewers_AndAnEntryConflictingWithTooMany()
    {
        var none = new HashSet<(int, string)>();
        var tooFew = Assert.Throws<AssignmentImpossibleException>(() =>
            ReviewAssignment.Assign(new AssignmentProblem([12, 13], ["a", "b"], 3, none)));
        Assert.Equal("作品 12 只有 2 位没有利益冲突的评审，每件作品需要 3 位。", tooFew.Message);
        Assert.IsAssignableFrom<BusinessRuleException>(tooFew);

        var conflicted = Assert.Throws<AssignmentImpossibleException>(() => ReviewAssignment.Assign(
            new AssignmentProblem([5, 9, 7], ["a", "b", "c", "d"], 3, new HashSet<(int, string)> { (9, "a"), (9, "b"), (7, "a"), (7, "b") })));
        Assert.Equal(9, conflicted.Entry);
        Assert.Equal(2, conflicted.Available);

        Assert.Throws<BusinessRuleException>(() => ReviewAssignment.Assign(new AssignmentProblem([1], ["a"], 0, none)));
        Assert.Throws<ArgumentException>(() => ReviewAssignment.Assign(new AssignmentProblem([1, 1], ["a"], 1, none)));
    }

    [Fact]
    public void NoEntries_GivesEveryReviewerZero()
    {
        var result = ReviewAssignment.Assign(new AssignmentProblem([], ["a", "b"], 3, new HashSet<(int, string)>()));
        Assert.Empty(result.ReviewersByEntry);
        Assert.Equal([0, 0], result.Loads.Values);
    }

    [Fact]
    public void Seed_IsDeterministic_AndChangesThePairings()
    {
        var entries = Enumerable.Range(1, 40).ToList();
        var reviewers = Enumerable.Range(1, 12).Select(i => $"r{i}").ToList();
        var none = new HashSet<(int, string)>();
        string Fingerprint(int seed) => string.Join(";", ReviewAssignment.Assign(new AssignmentProblem(entries, reviewers, 3, none, seed))
            .ReviewersByEntry.OrderBy(p => p.Key).Select(p => string.Join(",", p.Value)));

        Assert.Equal(Fingerprint(1), Fingerprint(1));
        Assert.Equal(Fingerprint(42), Fingerprint(42));
        Assert.True(Enumerable.Range(1, 5).Select(Fingerprint).Distinct().Count() >= 4, "different seeds should pair reviewers differently");
    }

    [Fact]
    public void TwoThousandEntries_SixtyReviewers_KThree_IsFastAndBalanced()
    {
        var random = new Random(3);
        var entries = Enumerable.Range(1, 2000).ToList();
        var reviewers = Enumerable.Range(1, 60).Select(i => $"reviewer-{i:00}").ToList();
        var conflicts = new HashSet<(int, string)>();
        foreach (var e in entries)
        {
            foreach (var r in reviewers.Where(_ => random.NextDouble() < 0.05))
            {
                conflicts.Add((e, r));
            }
        }

        var problem = new AssignmentProblem(entries, reviewers, 3, conflicts, 11);
        ReviewAssignment.Assign(problem with { Entries = entries.Take(50).ToList() }); // load the native library first
        var watch = Stopwatch.StartNew();
        var result = ReviewAssignment.Assign(problem);
        watch.Stop();

        output.WriteLine($"2000 entries × 60 reviewers × K=3, {conflicts.Count} conflicts: {watch.ElapsedMilliseconds} ms");
        CheckHardRules(problem, result);
        Assert.Equal(100, result.MinLoad); // 6000 / 60 exactly
        Assert.Equal(100, result.MaxLoad);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.ElapsedMilliseconds} ms");
    }

    private static void CheckHardRules(AssignmentProblem problem, AssignmentResult result)
    {
        Assert.Equal(problem.Entries.Order(), result.ReviewersByEntry.Keys.Order());
        Assert.Equal(problem.Reviewers.Order(StringComparer.Ordinal), result.Loads.Keys.Order(StringComparer.Ordinal));
        var counted = problem.Reviewers.ToDictionary(r => r, _ => 0, StringComparer.Ordinal);
        foreach (var (entry, assigned) in result.ReviewersByEntry)
        {
            Assert.Equal(problem.K, assigned.Count);
            Assert.Equal(problem.K, assigned.Distinct(StringComparer.Ordinal).Count());
            foreach (var r in assigned)
            {
                Assert.Contains(r, problem.Reviewers);
                Assert.DoesNotContain((entry, r), problem.Conflicts);
                counted[r]++;
            }
        }

        Assert.Equal(counted, result.Loads);
    }

    /// <summary>All assignments of a tiny problem; the load vector (sorted descending) that is lexicographically smallest.</summary>
    private static int[]? BestLoadsByEnumeration(AssignmentProblem problem)
    {
        var options = problem.Entries.Select(e => Subsets(problem.Reviewers.Where(r => !problem.Conflicts.Contains((e, r))).ToList(), problem.K).ToList()).ToList();
        if (options.Any(o => o.Count == 0))
        {
            return null;
        }

        int[]? best = null;
        var loads = problem.Reviewers.ToDictionary(r => r, _ => 0, StringComparer.Ordinal);
        void Walk(int e)
        {
            if (e == options.Count)
            {
                var vector = loads.Values.OrderDescending().ToArray();
                if (best is null || vector.AsSpan().SequenceCompareTo(best) < 0)
                {
                    best = vector;
                }

                return;
            }

            foreach (var subset in options[e])
            {
                subset.ForEach(r => loads[r]++);
                Walk(e + 1);
                subset.ForEach(r => loads[r]--);
            }
        }

        Walk(0);
        return best;
    }

    private static IEnumerable<List<string>> Subsets(List<string> items, int size, int from = 0)
    {
        if (size == 0)
        {
            yield return [];
            yield break;
        }

        for (var i = from; i <= items.Count - size; i++)
        {
            foreach (var rest in Subsets(items, size - 1, i + 1))
            {
                yield return [items[i], .. rest];
            }
        }
    }

    /// <summary>
    /// Independent feasibility check: is there an assignment with every entry getting exactly K non-conflicted reviewers and
    /// every load in [lo, hi]? Flow with lower bounds turned into a circulation, solved by BFS augmenting paths.
    /// </summary>
    private sealed class Oracle(AssignmentProblem problem)
    {
        public int SmallestMaxLoad()
        {
            var hi = (problem.Entries.Count * problem.K + problem.Reviewers.Count - 1) / problem.Reviewers.Count;
            while (!Feasible(0, hi))
            {
                hi++;
            }

            return hi;
        }

        public bool Feasible(int lo, int hi)
        {
            var n = problem.Entries.Count;
            var r = problem.Reviewers.Count;
            int s = 0, t = n + r + 1, superS = n + r + 2, superT = n + r + 3;
            var cap = new int[n + r + 4, n + r + 4];
            var excess = new int[n + r + 4];
            for (var e = 0; e < n; e++)
            {
                // s → entry with lower = upper = K
                excess[1 + e] += problem.K;
                excess[s] -= problem.K;
                for (var j = 0; j < r; j++)
                {
                    if (!problem.Conflicts.Contains((problem.Entries[e], problem.Reviewers[j])))
                    {
                        cap[1 + e, 1 + n + j] = 1;
                    }
                }
            }

            for (var j = 0; j < r; j++)
            {
                cap[1 + n + j, t] = hi - lo;
                excess[t] += lo;
                excess[1 + n + j] -= lo;
            }

            cap[t, s] = int.MaxValue / 2;
            var need = 0;
            for (var v = 0; v <= t; v++)
            {
                if (excess[v] > 0)
                {
                    cap[superS, v] = excess[v];
                    need += excess[v];
                }
                else if (excess[v] < 0)
                {
                    cap[v, superT] = -excess[v];
                }
            }

            return MaxFlow(cap, superS, superT) == need;
        }

        private static int MaxFlow(int[,] cap, int source, int sink)
        {
            var size = cap.GetLength(0);
            var total = 0;
            while (true)
            {
                var parent = Enumerable.Repeat(-1, size).ToArray();
                parent[source] = source;
                var queue = new Queue<int>([source]);
                while (queue.Count > 0 && parent[sink] < 0)
                {
                    var u = queue.Dequeue();
                    for (var v = 0; v < size; v++)
                    {
                        if (parent[v] < 0 && cap[u, v] > 0)
                        {
                            parent[v] = u;
                            queue.Enqueue(v);
                        }
                    }
                }

                if (parent[sink] < 0)
                {
                    return total;
                }

                var push = int.MaxValue;
                for (var v = sink; v != source; v = parent[v])
                {
                    push = Math.Min(push, cap[parent[v], v]);
                }

                for (var v = sink; v != source; v = parent[v])
                {
                    cap[parent[v], v] -= push;
                    cap[v, parent[v]] += push;
                }

                total += push;
            }
        }
    }
}
