using System.Text;
using System.Text.RegularExpressions;
using Kepu.Web.Features.Library.Search;

namespace Kepu.Web.Features.Debunk.Matching;

/// <summary>
/// Turns a pasted message into what matching compares: links, emoji, hashtag marks, brackets and line noise out;
/// traditional characters, full-width letters and case folded (<see cref="TextNormalizer"/>); common ways of saying
/// the same thing mapped to one (<see cref="Synonyms"/>); then the character pairs of each run of Chinese
/// characters, letters or digits.
/// </summary>
public static partial class ClaimText
{
    /// <summary>Longest text looked at: a forwarded post is rarely longer, and the claim sits near its start.</summary>
    public const int MaxChars = 4000;

    // Phrases people use for the same thing, longest first so "引起癌症" wins over "癌症". Kept small and plain:
    // each maps to the word a debunk's claim most often uses.
    private static readonly (string From, string To)[] Synonyms =
    [
        ("导致癌症", "致癌"), ("引起癌症", "致癌"), ("引发癌症", "致癌"), ("会得癌症", "致癌"), ("得癌症", "致癌"), ("会得癌", "致癌"),
        ("诱发癌症", "致癌"), ("致癌物", "致癌"), ("得癌", "致癌"), ("癌症", "癌"),
        ("有毒性", "有毒"), ("会中毒", "中毒"), ("食物中毒", "中毒"),
        ("电磁辐射", "辐射"), ("辐射危害", "辐射"),
        ("第二天的菜", "隔夜菜"), ("剩饭剩菜", "隔夜菜"), ("剩菜剩饭", "隔夜菜"), ("剩菜", "隔夜菜"), ("隔夜的菜", "隔夜菜"), ("过夜菜", "隔夜菜"),
        ("移动电话", "手机"), ("智能手机", "手机"),
        ("打疫苗", "接种疫苗"), ("种疫苗", "接种疫苗"), ("疫苗接种", "接种疫苗"),
        ("吊瓶", "输液"), ("打点滴", "输液"), ("挂水", "输液"), ("打吊针", "输液"),
        ("消炎药", "抗生素"), ("抗菌药", "抗生素"),
        ("保健食品", "保健品"),
        ("孩子", "儿童"), ("小孩", "儿童"), ("宝宝", "儿童"),
        ("老年人", "老人"), ("中老年人", "老人"),
        ("能不能", "能否"), ("可不可以", "能否"),
        ("千万别", "千万不能"), ("不可以", "不能"), ("不要", "不能"),
    ];

    [GeneratedRegex(@"(https?://|www\.)\S+", RegexOptions.IgnoreCase)]
    private static partial Regex Links();

    /// <summary>Normalised text: links removed, characters folded, synonyms mapped. Keeps punctuation as separators.</summary>
    public static string Normalize(string text)
    {
        if (text.Length > MaxChars)
        {
            text = text[..MaxChars];
        }

        text = Links().Replace(text, " ");
        var folded = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.IsBmp)
            {
                var c = TextNormalizer.Map((char)rune.Value);
                folded.Append(Keep(c) ? c : ' ');
            }
            else
            {
                folded.Append(' '); // emoji and other symbols outside the basic plane
            }
        }

        var result = folded.ToString();
        foreach (var (from, to) in Synonyms)
        {
            if (result.Contains(from, StringComparison.Ordinal))
            {
                result = result.Replace(from, to, StringComparison.Ordinal);
            }
        }

        return result;
    }

    /// <summary>The distinct character pairs of each run of letters (Chinese, Latin) and digits; a lone character counts as itself.</summary>
    public static HashSet<string> Bigrams(string normalized)
    {
        var pairs = new HashSet<string>(StringComparer.Ordinal);
        var start = -1;
        for (var i = 0; i <= normalized.Length; i++)
        {
            var inRun = i < normalized.Length && char.IsLetterOrDigit(normalized[i]);
            if (inRun && start < 0)
            {
                start = i;
            }
            else if (!inRun && start >= 0)
            {
                AddRun(pairs, normalized.AsSpan(start, i - start));
                start = -1;
            }
        }

        return pairs;
    }

    private static void AddRun(HashSet<string> pairs, ReadOnlySpan<char> run)
    {
        if (run.Length == 1)
        {
            if (IsChinese(run[0]))
            {
                pairs.Add(run.ToString());
            }

            return;
        }

        for (var i = 0; i + 1 < run.Length; i++)
        {
            pairs.Add(run.Slice(i, 2).ToString());
        }
    }

    private static bool Keep(char c) => char.IsLetterOrDigit(c) || c is '。' or '，' or '！' or '？' or '；' or '、' or '\n' or ',' or '.' or '!' or '?' or ';';

    private static bool IsChinese(char c) => c is >= '\u4e00' and <= '\u9fff';
}
