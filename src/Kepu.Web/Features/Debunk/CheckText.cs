using Kepu.Web.Infrastructure.Validation;

namespace Kepu.Web.Features.Debunk;

public sealed record MatchRequest(string? Text, int? Top);

/// <summary>查一查 for one text: validated (not empty, not too long, no binary), then matched.</summary>
public sealed class CheckText(DebunkMatcher matcher, Insights.Activity.ActivityLog activity)
{
    /// <summary>Longest text accepted: a long forwarded post fits many times over.</summary>
    public const int MaxLength = 5000;

    /// <param name="userId">The signed-in person who checks, if any (for 运行监测; the text is not recorded).</param>
    public async Task<MatchResult> HandleAsync(MatchRequest request, string? userId = null, CancellationToken ct = default)
    {
        var text = Validate(request.Text, "text");
        var result = await matcher.MatchAsync(text, Math.Clamp(request.Top ?? 5, 1, 20), ct: ct);
        await activity.RecordDetachedAsync(Insights.Activity.ActivityKinds.Check, userId, ct: ct);
        return result;
    }

    /// <summary>The text to match, or a <see cref="Infrastructure.Errors.ValidationFailedException"/> with a Chinese reason.</summary>
    public static string Validate(string? text, string field)
    {
        var errors = new RequestValidator();
        var value = (text ?? "").Trim();
        if (value.Length == 0)
        {
            errors.Add(field, "请粘贴或输入要查的内容。");
        }
        else if (value.Length > MaxLength)
        {
            errors.Add(field, $"内容太长：最多 {MaxLength} 字，现有 {value.Length} 字。请只粘贴说法本身。");
        }
        else if (value.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')) || value.Contains('\uFFFD'))
        {
            errors.Add(field, "内容含有二进制数据或不可见的控制字符，请粘贴文字。");
        }

        errors.ThrowIfInvalid();
        return value;
    }
}
