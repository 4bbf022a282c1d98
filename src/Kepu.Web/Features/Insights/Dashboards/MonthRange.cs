using System.Globalization;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Web;

namespace Kepu.Web.Features.Insights.Dashboards;

/// <summary>A range of Beijing calendar months, both ends included, as <c>yyyy-MM</c>.</summary>
public sealed record MonthRange(DateOnly From, DateOnly To)
{
    public const int MaxMonths = 60;

    public int Count => ((To.Year - From.Year) * 12) + To.Month - From.Month + 1;

    public IReadOnlyList<string> Months => [.. Enumerable.Range(0, Count).Select(i => Key(From.AddMonths(i)))];

    public string FromKey => Key(From);
    public string ToKey => Key(To);

    public static string Key(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>The months asked for; by default the twelve months up to the current one.</summary>
    public static MonthRange Parse(string? from, string? to, DateTime nowUtc)
    {
        var today = Display.BeijingDay(nowUtc);
        var errors = new Dictionary<string, string[]>();
        var end = Month(to, "to", errors) ?? new DateOnly(today.Year, today.Month, 1);
        var start = Month(from, "from", errors) ?? end.AddMonths(-11);
        if (errors.Count == 0 && start > end)
        {
            errors["from"] = ["开始月份不能晚于结束月份。"];
        }

        var range = new MonthRange(start, end);
        if (errors.Count == 0 && range.Count > MaxMonths)
        {
            errors["from"] = [$"一次最多查看 {MaxMonths} 个月。"];
        }

        return errors.Count > 0 ? throw new ValidationFailedException(errors) : range;
    }

    private static DateOnly? Month(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) && month.Year is >= 2000 and <= 2100)
        {
            return month;
        }

        errors[field] = ["月份格式应为 yyyy-MM，如 2026-03。"];
        return null;
    }
}
