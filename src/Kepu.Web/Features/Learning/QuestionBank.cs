using System.Globalization;
using Kepu.Web.Features.Learning.Entities;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Learning;

public sealed record BankImportError(int Row, string Message);

public sealed record BankImportResult(int Added, int Updated, IReadOnlyList<BankImportError> Errors);

public sealed record BankSummary(int Total, IReadOnlyList<(string Dimension, int Easy, int Medium, int Hard)> ByDimension);

/// <summary>
/// 题库 as a table: exported and imported as CSV or XLSX with the same Chinese columns (so an export can be edited and
/// loaded back). Every row is checked first; a file with any bad row changes nothing and every bad row is reported
/// with its row number. Rows with a 编号 update that question; rows without one add new questions.
/// </summary>
public sealed class QuestionBank(AppDbContext db, TimeProvider clock)
{
    private static readonly string[] Letters = ["A", "B", "C", "D", "E", "F"];
    private static readonly string[] Required = ["题型", "题干", "答案", "难度", "维度", "主题"];
    private static readonly char[] ListSeparators = [';', '；', ',', '，', '、', ' '];

    public static readonly string[] Columns =
        ["编号", "题型", "题干", "选项A", "选项B", "选项C", "选项D", "选项E", "选项F", "答案", "解析", "难度", "维度", "人群", "主题", "课时"];

    public async Task<IReadOnlyList<IReadOnlyList<string>>> RowsAsync(CancellationToken ct = default)
    {
        var questions = await db.Set<Question>().AsNoTracking().OrderBy(q => q.Id).ToListAsync(ct);
        return questions.Select(q => (IReadOnlyList<string>)
        [
            q.Key ?? $"q{q.Id}", QuestionKinds.Label(q.Kind), q.Stem,
            .. Enumerable.Range(0, 6).Select(i => i < q.Options.Count ? q.Options[i] : ""),
            string.Concat(q.Answer.Select(a => Letters[a])), q.Explanation, q.Difficulty.ToString(CultureInfo.InvariantCulture), Dimensions.Label(q.Dimension),
            string.Join(';', q.Audiences), q.Topic, q.LessonId?.ToString(CultureInfo.InvariantCulture) ?? "",
        ]).ToList();
    }

    public async Task<BankSummary> SummaryAsync(CancellationToken ct = default)
    {
        var counts = await db.Set<Question>().AsNoTracking().Where(q => q.Active).GroupBy(q => new { q.Dimension, q.Difficulty })
            .Select(g => new { g.Key.Dimension, g.Key.Difficulty, Count = g.Count() }).ToListAsync(ct);
        return new BankSummary(counts.Sum(c => c.Count), Dimensions.All.Select(d => (Dimensions.Label(d),
            counts.Where(c => c.Dimension == d && c.Difficulty == 1).Sum(c => c.Count),
            counts.Where(c => c.Dimension == d && c.Difficulty == 2).Sum(c => c.Count),
            counts.Where(c => c.Dimension == d && c.Difficulty == 3).Sum(c => c.Count))).ToList());
    }

    public async Task<BankImportResult> ImportAsync(byte[] content, CancellationToken ct = default)
    {
        var (rows, error) = Spreadsheets.Read(content);
        if (error is not null)
        {
            return new BankImportResult(0, 0, [new BankImportError(1, error)]);
        }

        if (rows.Count == 0)
        {
            return new BankImportResult(0, 0, [new BankImportError(1, "表格里没有题目。")]);
        }

        var missing = Required.Where(c => !rows[0].Cells.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            return new BankImportResult(0, 0, [new BankImportError(1, $"表头缺少列：{string.Join("、", missing)}。请先导出一份题库作为模板。")]);
        }

        var lessons = (await db.Set<Lesson>().AsNoTracking().Select(l => l.Id).ToListAsync(ct)).ToHashSet();
        var errors = new List<BankImportError>();
        var parsed = new List<(string? Key, QuestionFields Fields, int? Lesson)>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var options = Letters.Select(l => row["选项" + l]).Where(o => o.Length > 0).ToList();
            var answer = row["答案"].ToUpperInvariant().Where(char.IsLetter).Select(c => Array.IndexOf(Letters, c.ToString())).ToList();
            int? difficulty = int.TryParse(row["难度"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var d) ? d : null;
            var audiences = row["人群"].Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var (fields, problems) = QuestionRules.Validate(row["题型"], row["题干"], options, answer.Any(a => a < 0) ? [] : answer, row["解析"], difficulty,
                row["维度"], audiences, row["主题"]);
            var messages = problems.SelectMany(p => p.Value).ToList();
            int? lesson = null;
            if (row["课时"].Length > 0)
            {
                if (int.TryParse(row["课时"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) && lessons.Contains(l))
                {
                    lesson = l;
                }
                else
                {
                    messages.Add($"课时“{row["课时"]}”不存在（填课时编号，或留空）。");
                }
            }

            var key = row["编号"] is { Length: > 0 } k ? k : null;
            if (key is { Length: > 64 })
            {
                messages.Add("编号最多 64 个字符。");
            }
            else if (key is not null && !keys.Add(key))
            {
                messages.Add($"编号“{key}”在文件里出现了不止一次。");
            }

            if (messages.Count > 0)
            {
                errors.Add(new BankImportError(row.Number, string.Join(" ", messages)));
            }
            else
            {
                parsed.Add((key, fields!, lesson));
            }
        }

        if (errors.Count > 0)
        {
            return new BankImportResult(0, 0, errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var wanted = parsed.Where(p => p.Key is not null).Select(p => p.Key!).ToList();
        var existing = await db.Set<Question>().Where(q => q.Key != null && wanted.Contains(q.Key)).ToDictionaryAsync(q => q.Key!, ct);
        var byId = parsed.Where(p => p.Key is { } k && k.StartsWith('q') && int.TryParse(k.AsSpan(1), out _)).Select(p => int.Parse(p.Key![1..], CultureInfo.InvariantCulture)).ToList();
        var unnamed = await db.Set<Question>().Where(q => q.Key == null && byId.Contains(q.Id)).ToDictionaryAsync(q => $"q{q.Id}", ct);
        int added = 0, updated = 0;
        foreach (var (key, fields, lesson) in parsed)
        {
            if (key is not null && (existing.GetValueOrDefault(key) ?? unnamed.GetValueOrDefault(key)) is { } question)
            {
                question.Update(fields, lesson);
                updated++;
            }
            else
            {
                db.Add(new Question(key, fields, lesson, now));
                added++;
            }
        }

        await db.SaveChangesAsync(ct);
        return new BankImportResult(added, updated, []);
    }
}
