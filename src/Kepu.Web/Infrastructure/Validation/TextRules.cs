using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace Kepu.Web.Infrastructure.Validation;

/// <summary>Rules for free text people type: no control characters and no markup.</summary>
internal static partial class TextRules
{
    public static bool HasControlCharacters(string value) => value.Any(c => char.IsControl(c) || c is '\u200B' or '\u200E' or '\u200F' or '\u202E' or '\uFEFF');

    public static bool HasMarkup(string value) => value.IndexOfAny(['<', '>']) >= 0 || ScriptLike().IsMatch(value);

    [GeneratedRegex(@"javascript:|on\w+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptLike();
}

/// <summary>Plain one-line text: no control characters, no HTML or script.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
internal sealed class PlainTextAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (value is not string s || s.Length == 0)
        {
            return ValidationResult.Success;
        }

        var members = validationContext.MemberName is { } m ? new[] { m } : null;
        if (TextRules.HasControlCharacters(s))
        {
            return new ValidationResult($"{validationContext.DisplayName}不能包含控制字符或不可见字符。", members);
        }

        return TextRules.HasMarkup(s)
            ? new ValidationResult($"{validationContext.DisplayName}不能包含 HTML 标签或脚本（不能使用 < 和 >）。", members)
            : ValidationResult.Success;
    }
}
