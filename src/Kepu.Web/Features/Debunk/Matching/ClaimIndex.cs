namespace Kepu.Web.Features.Debunk.Matching;

/// <summary>One known claim and how people phrase it, as the matcher sees it.</summary>
public sealed record IndexedClaim(int Id, string Claim, string Verdict, IReadOnlyList<string> Phrasings);

/// <summary>A debunk that may be what the text is about, with how much of the claim the text says (0–1).</summary>
public readonly record struct ClaimHit(IndexedClaim Entry, double Score);

/// <summary>
/// Character-pair index of every phrasing of every published claim, in memory. A phrasing is found by how much of it
/// (weighted by how rare each pair is) the pasted text contains: a long forwarded post that carries the claim among
/// other sentences still contains all of it, where a score over the whole post (BM25) is diluted by the rest.
/// A phrasing counts fully only when the text holds at least four of its pairs, so a passing word is not a match
/// (a count, not a weight sum, so it behaves the same with ten entries or a hundred thousand).
/// </summary>
public sealed class ClaimIndex
{
    /// <summary>Pairs found in more than this share of phrasings say nothing about which claim is meant.</summary>
    private const double StopShare = 0.2;

    /// <summary>Pairs of a phrasing a text must hold before its score counts fully (fewer are scaled down).</summary>
    private const double FullPairs = 4;

    private readonly IndexedClaim[] _entries;
    private readonly int[] _phrasingEntry;
    private readonly double[] _phrasingNorm;
    private readonly Dictionary<string, int[]> _postings;
    private readonly Dictionary<string, double> _weights;

    [ThreadStatic]
    private static double[]? _scratch;

    [ThreadStatic]
    private static double[]? _entryScratch;

    [ThreadStatic]
    private static int[]? _countScratch;

    private ClaimIndex(IndexedClaim[] entries, int[] phrasingEntry, double[] phrasingNorm, Dictionary<string, int[]> postings, Dictionary<string, double> weights)
    {
        _entries = entries;
        _phrasingEntry = phrasingEntry;
        _phrasingNorm = phrasingNorm;
        _postings = postings;
        _weights = weights;
    }

    public static readonly ClaimIndex Empty = Build([]);

    public int Count => _entries.Length;

    public static ClaimIndex Build(IEnumerable<IndexedClaim> claims)
    {
        var entries = claims.ToArray();
        var phrasingEntry = new List<int>();
        var phrasingPairs = new List<HashSet<string>>();
        for (var e = 0; e < entries.Length; e++)
        {
            foreach (var phrasing in entries[e].Phrasings.Prepend(entries[e].Claim).Distinct())
            {
                var pairs = ClaimText.Bigrams(ClaimText.Normalize(phrasing));
                if (pairs.Count > 0)
                {
                    phrasingEntry.Add(e);
                    phrasingPairs.Add(pairs);
                }
            }
        }

        var lists = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var p = 0; p < phrasingPairs.Count; p++)
        {
            foreach (var pair in phrasingPairs[p])
            {
                if (!lists.TryGetValue(pair, out var list))
                {
                    lists[pair] = list = [];
                }

                list.Add(p);
            }
        }

        var n = Math.Max(1, phrasingPairs.Count);
        var weights = new Dictionary<string, double>(lists.Count, StringComparer.Ordinal);
        var postings = new Dictionary<string, int[]>(lists.Count, StringComparer.Ordinal);
        foreach (var (pair, list) in lists)
        {
            if (n >= 50 && list.Count > n * StopShare)
            {
                continue;
            }

            weights[pair] = Math.Log(1 + (n / (double)list.Count));
            postings[pair] = [.. list];
        }

        var norms = new double[phrasingPairs.Count];
        for (var p = 0; p < phrasingPairs.Count; p++)
        {
            foreach (var pair in phrasingPairs[p])
            {
                norms[p] += weights.GetValueOrDefault(pair);
            }
        }

        return new ClaimIndex(entries, [.. phrasingEntry], norms, postings, weights);
    }

    /// <summary>The best <paramref name="top"/> claims for a text, best first, each with its best phrasing's score.</summary>
    public IReadOnlyList<ClaimHit> Search(string text, int top)
    {
        if (_entries.Length == 0 || string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var pairs = ClaimText.Bigrams(ClaimText.Normalize(text));
        var scores = _scratch is { } s && s.Length >= _phrasingNorm.Length ? s : _scratch = new double[_phrasingNorm.Length];
        var best = _entryScratch is { } b && b.Length >= _entries.Length ? b : _entryScratch = new double[_entries.Length];
        var matched = _countScratch is { } m && m.Length >= _phrasingNorm.Length ? m : _countScratch = new int[_phrasingNorm.Length];
        var touched = new List<int>();
        foreach (var pair in pairs)
        {
            if (!_postings.TryGetValue(pair, out var list))
            {
                continue;
            }

            var weight = _weights[pair];
            foreach (var p in list)
            {
                if (scores[p] == 0)
                {
                    touched.Add(p);
                }

                scores[p] += weight;
                matched[p]++;
            }
        }

        // Best phrasing per entry, then the best entries by insertion (top is a handful): no sorting of everything.
        var entriesTouched = new List<int>();
        foreach (var p in touched)
        {
            var evidence = scores[p];
            var pairsFound = matched[p];
            scores[p] = 0;
            matched[p] = 0;
            var norm = _phrasingNorm[p];
            if (norm <= 0)
            {
                continue;
            }

            var score = evidence / norm * Math.Min(1, pairsFound / FullPairs);
            var entry = _phrasingEntry[p];
            if (best[entry] == 0)
            {
                entriesTouched.Add(entry);
            }

            if (score > best[entry])
            {
                best[entry] = score;
            }
        }

        var take = Math.Max(1, top);
        var topEntries = new List<(int Entry, double Score)>(take + 1);
        foreach (var entry in entriesTouched)
        {
            var score = best[entry];
            best[entry] = 0;
            if (topEntries.Count == take && !Better(score, entry, topEntries[^1]))
            {
                continue;
            }

            var at = topEntries.Count;
            while (at > 0 && Better(score, entry, topEntries[at - 1]))
            {
                at--;
            }

            topEntries.Insert(at, (entry, score));
            if (topEntries.Count > take)
            {
                topEntries.RemoveAt(take);
            }
        }

        return topEntries.Select(t => new ClaimHit(_entries[t.Entry], Math.Round(t.Score, 4))).ToList();
    }

    private bool Better(double score, int entry, (int Entry, double Score) other) =>
        score > other.Score || (score == other.Score && _entries[entry].Id < _entries[other.Entry].Id);
}
