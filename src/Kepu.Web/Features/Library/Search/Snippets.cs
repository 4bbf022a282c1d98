using System.Net;
using System.Text;

namespace Kepu.Web.Features.Library.Search;

/// <summary>
/// Highlighted snippets without analysing the text again: the query's terms (words and character pairs, already
/// normalised by the analyser) are looked up in the normalised text. <see cref="TextNormalizer"/> maps one character
/// to one, so positions found there are positions in the original, and traditional or full-width text is marked too.
/// Lucene's highlighter tokenised every hit's body per request, which cost more than the search itself.
/// </summary>
public static class Snippets
{
    public const int FragmentLength = 60;
    public const int MaxChars = 4000;

    /// <summary>Up to <paramref name="fragments"/> windows with the most matched terms, in text order, joined by “…”; null when nothing matches.</summary>
    public static string? Make(string text, IReadOnlyCollection<string> terms, int fragments = 2)
    {
        if (text.Length == 0 || terms.Count == 0)
        {
            return null;
        }

        // Single characters mark noise everywhere once a longer term is there to show.
        if (terms.Any(t => t.Length > 1))
        {
            terms = terms.Where(t => t.Length > 1).ToList();
        }

        var original = text.Length > MaxChars ? text[..MaxChars] : text;
        var normalized = TextNormalizer.Normalize(original);
        var marked = new bool[normalized.Length];
        var windows = new Dictionary<int, HashSet<string>>();
        foreach (var term in terms)
        {
            if (term.Length == 0)
            {
                continue;
            }

            for (var at = normalized.IndexOf(term, StringComparison.Ordinal); at >= 0; at = normalized.IndexOf(term, at + 1, StringComparison.Ordinal))
            {
                Array.Fill(marked, true, at, term.Length);
                var window = at / FragmentLength;
                if (!windows.TryGetValue(window, out var found))
                {
                    windows[window] = found = [];
                }

                found.Add(term);
            }
        }

        if (windows.Count == 0)
        {
            return null;
        }

        var best = windows.OrderByDescending(w => w.Value.Count).ThenBy(w => w.Key).Take(fragments).Select(w => w.Key).Order();
        return string.Join("…", best.Select(w => Fragment(original, marked, w * FragmentLength, Math.Min(original.Length, (w + 1) * FragmentLength))));
    }

    private static string Fragment(string text, bool[] marked, int start, int end)
    {
        // A match that runs over the window's edge is shown whole.
        while (end < text.Length && marked[end] && marked[end - 1])
        {
            end++;
        }

        var html = new StringBuilder();
        var i = start;
        while (i < end)
        {
            var j = i;
            while (j < end && marked[j] == marked[i])
            {
                j++;
            }

            var part = WebUtility.HtmlEncode(text[i..j]);
            html.Append(marked[i] ? "<mark>" + part + "</mark>" : part);
            i = j;
        }

        return html.ToString().Trim();
    }
}
