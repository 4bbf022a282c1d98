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
    private const float FullPairs = 4;

    private readonly IndexedClaim[] _entries;
    private readonly int[] _phrasingEntry;
    private readonly float[] _inverseNorm;
    private readonly Dictionary<string, Posting> _postings;

    // Per-thread scratch sized to the index, so a search allocates almost nothing; each search leaves it zeroed.
    [ThreadStatic]
    private static Tally[]? _tallies;

    [ThreadStatic]
    private static int[]? _touched;

    [ThreadStatic]
    private static float[]? _best;

    [ThreadStatic]
    private static int[]? _entriesTouched;

    private ClaimIndex(IndexedClaim[] entries, int[] phrasingEntry, float[] inverseNorm, Dictionary<string, Posting> postings)
    {
        _entries = entries;
        _phrasingEntry = phrasingEntry;
        _inverseNorm = inverseNorm;
        _postings = postings;
    }

    /// <summary>The phrasings holding a pair, and the pair's weight: one lookup per pair of the text.</summary>
    private sealed record Posting(int[] Phrasings, float Weight);

    /// <summary>What a text holds of one phrasing: the weight of the pairs found, and how many (one cache line, not two arrays).</summary>
    private struct Tally
    {
        public float Evidence;
        public int Found;
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
        var postings = new Dictionary<string, Posting>(lists.Count, StringComparer.Ordinal);
        foreach (var (pair, list) in lists)
        {
            if (n >= 50 && list.Count > n * StopShare)
            {
                continue;
            }

            postings[pair] = new Posting([.. list], (float)Math.Log(1 + (n / (double)list.Count)));
        }

        var inverseNorm = new float[phrasingPairs.Count];
        for (var p = 0; p < phrasingPairs.Count; p++)
        {
            double norm = 0;
            foreach (var pair in phrasingPairs[p])
            {
                norm += postings.TryGetValue(pair, out var posting) ? posting.Weight : 0;
            }

            inverseNorm[p] = norm > 0 ? (float)(1 / norm) : 0;
        }

        return new ClaimIndex(entries, [.. phrasingEntry], inverseNorm, postings);
    }

    /// <summary>The best <paramref name="top"/> claims for a text, best first, each with its best phrasing's score.</summary>
    public IReadOnlyList<ClaimHit> Search(string text, int top)
    {
        if (_entries.Length == 0 || string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var pairs = ClaimText.Bigrams(ClaimText.Normalize(text));
        var phrasings = _inverseNorm.Length;
        var tallies = _tallies is { } t && t.Length >= phrasings ? t : _tallies = new Tally[phrasings];
        var touched = _touched is { } u && u.Length >= phrasings ? u : _touched = new int[phrasings];
        var best = _best is { } b && b.Length >= _entries.Length ? b : _best = new float[_entries.Length];
        var entriesTouched = _entriesTouched is { } et && et.Length >= _entries.Length ? et : _entriesTouched = new int[_entries.Length];
        var touchedCount = 0;
        foreach (var pair in pairs)
        {
            if (!_postings.TryGetValue(pair, out var posting))
            {
                continue;
            }

            var weight = posting.Weight;
            foreach (var p in posting.Phrasings)
            {
                ref var tally = ref tallies[p];
                if (tally.Found == 0)
                {
                    touched[touchedCount++] = p;
                }

                tally.Evidence += weight;
                tally.Found++;
            }
        }

        // Best phrasing per entry, then the best entries by insertion (top is a handful): no sorting of everything.
        var entryCount = 0;
        for (var i = 0; i < touchedCount; i++)
        {
            var p = touched[i];
            ref var tally = ref tallies[p];
            var score = tally.Evidence * _inverseNorm[p] * Math.Min(1f, tally.Found / FullPairs);
            tally = default;
            var entry = _phrasingEntry[p];
            if (best[entry] == 0)
            {
                if (score <= 0)
                {
                    continue;
                }

                entriesTouched[entryCount++] = entry;
            }

            if (score > best[entry])
            {
                best[entry] = score;
            }
        }

        var take = Math.Max(1, top);
        var topEntries = new List<(int Entry, double Score)>(take + 1);
        for (var i = 0; i < entryCount; i++)
        {
            var entry = entriesTouched[i];
            double score = best[entry];
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
