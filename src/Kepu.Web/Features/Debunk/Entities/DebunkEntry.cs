using Kepu.Web.Features.Library;
using Kepu.Web.Infrastructure.Errors;

namespace Kepu.Web.Features.Debunk.Entities;

/// <summary>辟谣结论: 谣言, 误导, 证据不足, 属实.</summary>
public static class Verdicts
{
    public const string Rumor = "rumor";
    public const string Misleading = "misleading";
    public const string Unproven = "unproven";
    public const string True = "true";

    public static readonly (string Code, string Label)[] All =
        [(Rumor, "谣言"), (Misleading, "误导"), (Unproven, "证据不足"), (True, "属实")];

    public static bool IsValid(string? code) => All.Any(v => v.Code == code);

    public static string Label(string code) => All.FirstOrDefault(v => v.Code == code).Label ?? code;

    /// <summary>A code, or the Chinese word for one (imports may use either).</summary>
    public static string? Parse(string? value) =>
        value is null ? null : All.FirstOrDefault(v => v.Code == value.Trim() || v.Label == value.Trim()).Code;
}

/// <summary>辟谣分类.</summary>
public static class DebunkCategories
{
    public static readonly string[] All = ["食品安全", "健康医疗", "前沿科技", "应急安全", "生态环境", "农业农村", "数字生活", "其他"];

    public static bool IsValid(string? value) => All.Contains(value);

    /// <summary>The taxonomy topic whose experts check a category's rumours (null: any expert).</summary>
    public static string? Topic(string category) => category switch
    {
        "食品安全" => "食品安全",
        "健康医疗" => "健康",
        "前沿科技" => "前沿科技",
        "应急安全" => "安全",
        "生态环境" => "生态环境",
        "农业农村" => "农业农村",
        "数字生活" => "数字生活",
        _ => null,
    };
}

/// <summary>A reference behind a verdict: a document, its publisher (an institution) and, when there is one, a link.</summary>
public sealed record DebunkSource(string Title, string? Publisher, string? Url);

/// <summary>The fields of an entry, already validated.</summary>
public sealed record DebunkFields(
    string Claim,
    IReadOnlyList<string> Phrasings,
    string Verdict,
    string Conclusion,
    string Title,
    string Body,
    string Category,
    IReadOnlyList<string> Audiences,
    IReadOnlyList<DebunkSource> Sources,
    IReadOnlyList<string> Experts,
    DateOnly? FirstSeen);

/// <summary>
/// 辟谣条目: a claim as people state it, its other phrasings, the verdict with a one-line conclusion, the explanation
/// (真相解读, Markdown stored with its HTML), sources and reviewing experts. Every change is kept as a revision.
/// </summary>
public sealed class DebunkEntry
{
    private DebunkEntry()
    {
    }

    public DebunkEntry(string? key, DebunkFields fields, string by, DateTime now)
    {
        Key = key;
        CreatedAt = now;
        PublishedAt = now;
        Apply(fields, by, now, "发布");
    }

    public int Id { get; private set; }

    /// <summary>The id an import or a partner gave it (e.g. <c>dbk-1001</c>); re-imports update by it.</summary>
    public string? Key { get; private set; }

    public string Claim { get; private set; } = "";
    public List<string> Phrasings { get; private set; } = [];
    public string Verdict { get; private set; } = Verdicts.Rumor;
    public string Conclusion { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string Body { get; private set; } = "";
    public string BodyHtml { get; private set; } = "";
    public string Category { get; private set; } = "其他";
    public List<string> Audiences { get; private set; } = [];
    public List<DebunkSource> Sources { get; private set; } = [];

    /// <summary>Names of the reviewing experts as shown on the page.</summary>
    public List<string> Experts { get; private set; } = [];

    public DateOnly? FirstSeen { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime PublishedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public int Version { get; private set; }
    public List<DebunkRevision> Revisions { get; private set; } = [];

    /// <summary>Applies new fields; a change that alters nothing is not a revision. Returns whether anything changed.</summary>
    public bool Update(DebunkFields fields, string by, DateTime now, string note)
    {
        if (Same(fields))
        {
            return false;
        }

        Apply(fields, by, now, note);
        return true;
    }

    private bool Same(DebunkFields f) =>
        Claim == f.Claim && Phrasings.SequenceEqual(f.Phrasings) && Verdict == f.Verdict && Conclusion == f.Conclusion && Title == f.Title
        && Body == f.Body && Category == f.Category && Audiences.SequenceEqual(f.Audiences) && Sources.SequenceEqual(f.Sources)
        && Experts.SequenceEqual(f.Experts) && FirstSeen == f.FirstSeen;

    private void Apply(DebunkFields f, string by, DateTime now, string note)
    {
        if (!Verdicts.IsValid(f.Verdict))
        {
            throw new BusinessRuleException($"未知的结论“{f.Verdict}”。");
        }

        var verdictChanged = Version > 0 && Verdict != f.Verdict;
        Claim = f.Claim;
        Phrasings = [.. f.Phrasings.Where(p => p != f.Claim).Distinct()];
        Verdict = f.Verdict;
        Conclusion = f.Conclusion;
        Title = f.Title;
        Body = f.Body;
        BodyHtml = MarkdownRenderer.Render(f.Body);
        Category = f.Category;
        Audiences = [.. f.Audiences.Distinct()];
        Sources = [.. f.Sources];
        Experts = [.. f.Experts.Distinct()];
        FirstSeen = f.FirstSeen;
        UpdatedAt = now;
        Version++;
        Revisions.Add(new DebunkRevision(Version, by, now, verdictChanged ? $"{note}（结论改为“{Verdicts.Label(Verdict)}”）" : note, Verdict, Conclusion));
    }
}

/// <summary>One version of an entry: who changed it, when, why, and the verdict it then had.</summary>
public sealed class DebunkRevision
{
    private DebunkRevision()
    {
    }

    public DebunkRevision(int number, string by, DateTime at, string note, string verdict, string conclusion)
    {
        Number = number;
        By = by;
        At = at;
        Note = note;
        Verdict = verdict;
        Conclusion = conclusion;
    }

    public long Id { get; private set; }
    public int EntryId { get; private set; }
    public int Number { get; private set; }
    public string By { get; private set; } = "";
    public DateTime At { get; private set; }
    public string Note { get; private set; } = "";
    public string Verdict { get; private set; } = "";
    public string Conclusion { get; private set; } = "";
}
