namespace Kepu.Web.Features.Debunk.Matching;

/// <summary>
/// Groups submissions that say the same thing: two texts are near-duplicates when most of the shorter one's character
/// pairs (after <see cref="ClaimText.Normalize"/>) are in the longer one (overlap coefficient), with at least a few
/// pairs in common. Unweighted on purpose: it must work from the first cluster on, when there are no statistics.
/// </summary>
public sealed class NearDuplicates
{
    public const double SameAt = 0.6;
    private const int MinShared = 4;

    private readonly List<int> _ids = [];
    private readonly List<int> _sizes = [];
    private readonly Dictionary<string, List<int>> _postings = new(StringComparer.Ordinal);

    public static NearDuplicates Build(IEnumerable<(int Id, string Text)> texts)
    {
        var index = new NearDuplicates();
        foreach (var (id, text) in texts)
        {
            index.Add(id, text);
        }

        return index;
    }

    public void Add(int id, string text)
    {
        var pairs = ClaimText.Bigrams(ClaimText.Normalize(text));
        var slot = _ids.Count;
        _ids.Add(id);
        _sizes.Add(pairs.Count);
        foreach (var pair in pairs)
        {
            if (!_postings.TryGetValue(pair, out var list))
            {
                _postings[pair] = list = [];
            }

            list.Add(slot);
        }
    }

    /// <summary>Leaves a text out of later finds (a rejected cluster); its slot stays, empty.</summary>
    public void Remove(int id)
    {
        for (var slot = 0; slot < _ids.Count; slot++)
        {
            if (_ids[slot] == id)
            {
                _sizes[slot] = -1;
            }
        }
    }

    /// <summary>The most similar text's id and its overlap with <paramref name="text"/>, if any reaches <see cref="SameAt"/>.</summary>
    public (int Id, double Overlap)? Find(string text)
    {
        var pairs = ClaimText.Bigrams(ClaimText.Normalize(text));
        var shared = new Dictionary<int, int>();
        foreach (var pair in pairs)
        {
            if (_postings.TryGetValue(pair, out var list))
            {
                foreach (var slot in list)
                {
                    shared[slot] = shared.GetValueOrDefault(slot) + 1;
                }
            }
        }

        (int Id, double Overlap)? best = null;
        foreach (var (slot, count) in shared)
        {
            if (_sizes[slot] < 0)
            {
                continue;
            }

            var overlap = count / (double)Math.Max(1, Math.Min(pairs.Count, _sizes[slot]));
            if (count >= Math.Min(MinShared, Math.Min(pairs.Count, _sizes[slot])) && overlap >= SameAt && (best is null || overlap > best.Value.Overlap))
            {
                best = (_ids[slot], overlap);
            }
        }

        return best;
    }
}
