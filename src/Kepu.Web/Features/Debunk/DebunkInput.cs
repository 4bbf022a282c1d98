using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Features.Debunk.Entities;
using Kepu.Web.Infrastructure.Validation;

namespace Kepu.Web.Features.Debunk;

public static class DebunkRules
{
    public const int MaxClaim = 200;
    public const int MaxConclusion = 120;
    public const int MaxTitle = 100;
    public const int MaxBody = 20_000;
    public const int MaxPhrasings = 20;
}

/// <summary>
/// An entry as imports (one JSON object per line) and partners write it: <c>id</c>, <c>claim</c>, <c>verdict</c>,
/// <c>title</c> and <c>body</c> are required; the rest is optional. <c>verdict</c> is a code or its Chinese word.
/// </summary>
public sealed class DebunkInput
{
    public string? Id { get; set; }
    public string? Claim { get; set; }
    public List<string>? Phrasings { get; set; }
    public string? Verdict { get; set; }
    public string? Conclusion { get; set; }
    public string? Title { get; set; }
    public string? Body { get; set; }
    public string? Category { get; set; }
    public List<string>? Audiences { get; set; }

    [JsonConverter(typeof(SourcesConverter))]
    public List<DebunkSource>? Sources { get; set; }

    public List<string>? Experts { get; set; }
    public string? FirstSeen { get; set; }

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { AllowTrailingCommas = false };

    /// <summary>The validated fields, or the problems in Chinese (field → messages).</summary>
    public (DebunkFields? Fields, Dictionary<string, string[]> Errors) Validate()
    {
        var errors = new Dictionary<string, string[]>();
        void Error(string field, string message) => errors[field] = [.. errors.GetValueOrDefault(field, []), message];
        string Text(string field, string? value, int max, bool required)
        {
            var text = (value ?? "").Trim();
            if (required && text.Length == 0)
            {
                Error(field, "不能为空。");
            }
            else if (text.Length > max)
            {
                Error(field, $"最多 {max} 个字符（现有 {text.Length} 个）。");
            }
            else if (TextRules.HasControlCharacters(text.Replace("\n", "", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal).Replace("\t", "", StringComparison.Ordinal)))
            {
                Error(field, "含有不可见的控制字符。");
            }

            return text;
        }

        if (string.IsNullOrWhiteSpace(Id) || Id.Length > 64 || Id.Any(char.IsWhiteSpace))
        {
            Error("id", "须为不含空格的编号（最多 64 个字符）。");
        }

        var claim = Text("claim", Claim, DebunkRules.MaxClaim, true);
        var title = Text("title", Title, DebunkRules.MaxTitle, true);
        var body = Text("body", Body, DebunkRules.MaxBody, true);
        var verdict = Verdicts.Parse(Verdict);
        if (verdict is null)
        {
            Error("verdict", "须为 谣言、误导、证据不足 或 属实（rumor / misleading / unproven / true）。");
        }

        var conclusion = Text("conclusion", string.IsNullOrWhiteSpace(Conclusion) ? title : Conclusion, DebunkRules.MaxConclusion, true);
        var category = string.IsNullOrWhiteSpace(Category) ? "其他" : Category.Trim();
        if (!DebunkCategories.IsValid(category))
        {
            Error("category", $"未知的分类“{category}”；可用：{string.Join("、", DebunkCategories.All)}。");
        }

        var phrasings = (Phrasings ?? []).Select(p => Text("phrasings", p, DebunkRules.MaxClaim, false)).Where(p => p.Length > 0).Distinct().ToList();
        if (phrasings.Count > DebunkRules.MaxPhrasings)
        {
            Error("phrasings", $"最多 {DebunkRules.MaxPhrasings} 种说法。");
        }

        var audiences = (Audiences ?? ["public"]).Select(a => a.Trim()).Distinct().ToList();
        foreach (var bad in audiences.Where(a => !Accounts.Entities.Audiences.IsValid(a)))
        {
            Error("audiences", $"未知的人群“{bad}”。");
        }

        var sources = (Sources ?? []).Where(s => !string.IsNullOrWhiteSpace(s.Title)).ToList();
        foreach (var s in sources.Where(s => s.Url is { Length: > 0 } url && !(Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https")))
        {
            Error("sources", $"链接“{s.Url}”不是 http(s) 地址。");
        }

        DateOnly? firstSeen = null;
        if (!string.IsNullOrWhiteSpace(FirstSeen))
        {
            if (DateOnly.TryParseExact(FirstSeen.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                firstSeen = date;
            }
            else
            {
                Error("firstSeen", "日期格式须为 YYYY-MM-DD。");
            }
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return (new DebunkFields(claim, phrasings, verdict!, conclusion, title, body, category, audiences,
            sources.Select(s => new DebunkSource(s.Title.Trim(), Blank(s.Publisher), Blank(s.Url))).ToList(),
            (Experts ?? []).Select(e => e.Trim()).Where(e => e.Length > 0).Distinct().ToList(), firstSeen), errors);
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>Sources may be objects ({title, publisher, url}) or plain strings (a title).</summary>
    private sealed class SourcesConverter : JsonConverter<List<DebunkSource>>
    {
        public override List<DebunkSource> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var result = new List<DebunkSource>();
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw new JsonException("sources 须为数组。");
            }

            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType == JsonTokenType.String)
                {
                    result.Add(new DebunkSource(reader.GetString()!, null, null));
                    continue;
                }

                using var doc = JsonDocument.ParseValue(ref reader);
                string? Get(string name) => doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
                result.Add(new DebunkSource(Get("title") ?? "", Get("publisher"), Get("url")));
            }

            return result;
        }

        public override void Write(Utf8JsonWriter writer, List<DebunkSource> value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value.Select(s => new { s.Title, s.Publisher, s.Url }), options);
    }
}
