using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using CsvHelper;
using CsvHelper.Configuration;
using Kepu.Web.Infrastructure.Errors;

namespace Kepu.Web.Features.Insights.Survey.Estimation;

/// <summary>
/// <c>survey estimate --responses RESPONSES.csv --margins MARGINS.csv --out ESTIMATES.json [--threshold 70] [--min-cell 30] [--trim 0.3,3]</c>:
/// rakes the responses to the margins and writes the share above the threshold overall and by every level column as
/// <c>{"overall":{…},"byVariable":{"district":{"500101":{…}}},"raking":{…}}</c>. Needs no database. Any bad row stops it before
/// anything is written, with every bad row listed.
/// </summary>
public static class SurveyEstimateCommand
{
    public const string Usage = """
          survey estimate --responses RESPONSES.csv --margins MARGINS.csv --out ESTIMATES.json [--threshold 70] [--min-cell 30] [--trim 0.3,3]
                                    科学素质调查估计（不用数据库）：按总体数（variable,level,population）对设计权数做 raking，
                                    写出得分高于阈值者的加权比例、标准误、95% 区间、设计效应，总体及按各变量分组；
                                    样本少于 --min-cell 的格标记 suppressed；--trim 下限,上限 为平均权数的倍数
        """;

    /// <summary>Level columns: the five required ones, then the optional ones read when present.</summary>
    public static readonly IReadOnlyList<string> RequiredLevelColumns = ["district", "urban", "sex", "ageGroup", "education"];

    public static readonly IReadOnlyList<string> OptionalLevelColumns = ["regionGroup", "audience"];

    private static readonly string[] ResponseColumns = ["id", .. RequiredLevelColumns, "score"];
    private static readonly string[] MarginColumns = ["variable", "level", "population"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new FiniteDoubleConverter() },
    };

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var errors = new List<string>();
        var responses = Option(args, "--responses");
        var margins = Option(args, "--margins");
        var output = Option(args, "--out");
        foreach (var (name, value) in new[] { ("--responses", responses), ("--margins", margins) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                errors.Add($"请用 {name} 指定 CSV 文件。");
            }
            else if (!File.Exists(value))
            {
                errors.Add($"文件不存在：{value}");
            }
        }

        if (string.IsNullOrWhiteSpace(output))
        {
            errors.Add("请用 --out 指定输出的 JSON 文件。");
        }

        var defaults = new EstimationOptions();
        var threshold = defaults.Threshold;
        if (Option(args, "--threshold") is { } t && !(TryNumber(t, out threshold) && threshold is >= 0 and <= 100))
        {
            errors.Add("--threshold 必须是 0 到 100 之间的数。");
        }

        var minCell = defaults.MinCellSize;
        if (Option(args, "--min-cell") is { } c && !(int.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out minCell) && minCell <= 100000))
        {
            errors.Add("--min-cell 必须是非负整数。");
        }

        double? trimLower = null, trimUpper = null;
        if (Option(args, "--trim") is { } trim)
        {
            var parts = trim.Split(',');
            if (parts.Length == 2 && TryNumber(parts[0], out var lower) && TryNumber(parts[1], out var upper) && lower > 0 && lower <= 1 && upper >= 1)
            {
                (trimLower, trimUpper) = (lower, upper);
            }
            else
            {
                errors.Add("--trim 应为“下限,上限”（平均权数的倍数，下限在 0 到 1 之间，上限不小于 1），如 0.3,3。");
            }
        }

        if (errors.Count > 0)
        {
            foreach (var error in errors)
            {
                await stderr.WriteLineAsync($"失败：{error}");
            }

            await stderr.WriteLineAsync("用法：\n" + Usage);
            return 2;
        }

        var (respondents, columns, responseErrors) = ReadResponses(responses!);
        var (marginRows, marginErrors) = ReadMargins(margins!, columns);
        if (responseErrors.Count == 0 && marginErrors.Count == 0)
        {
            CrossCheck(respondents, marginRows, responseErrors, marginErrors);
        }

        if (responseErrors.Count > 0 || marginErrors.Count > 0)
        {
            await stderr.WriteLineAsync("失败：输入有误，未写出任何结果：");
            await WriteErrorsAsync(stderr, responses!, responseErrors);
            await WriteErrorsAsync(stderr, margins!, marginErrors);
            return 1;
        }

        var options = defaults with { Threshold = threshold, MinCellSize = minCell, TrimLower = trimLower, TrimUpper = trimUpper };
        SurveyEstimates estimates;
        try
        {
            estimates = SurveyEstimator.Estimate(respondents.Select(r => r.Respondent).ToList(), marginRows.Select(m => m.Margin).ToList(), options);
        }
        catch (Exception e) when (e is BusinessRuleException or ValidationFailedException)
        {
            var message = e is ValidationFailedException v ? string.Join("；", v.Errors.SelectMany(x => x.Value)) : e.Message;
            await stderr.WriteLineAsync($"失败：{message} 未写出任何结果。");
            return 1;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(output!));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        await File.WriteAllTextAsync(output!, JsonSerializer.Serialize(estimates, Json));

        var o = estimates.Overall;
        var r = estimates.Raking;
        var suppressed = estimates.ByVariable.Sum(v => v.Value.Count(x => x.Value.Suppressed));
        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"完成：{o.N} 人，得分{(options.StrictlyAbove ? "高于" : "不低于")} {threshold:0.##} 的加权比例 {o.Share * 100:0.00}%（标准误 {o.StandardError * 100:0.00} 个百分点，95% 区间 {o.Lower * 100:0.00}%–{o.Upper * 100:0.00}%，设计效应 {o.DesignEffect:0.00}）。"));
        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"加权：{r.Iterations} 轮{(r.Converged ? "收敛" : "未收敛")}，最大边际相对误差 {r.MaxMarginError:0.##E+0}；截尾 {r.Trimmed} 人。"));
        if (!r.Converged)
        {
            await stdout.WriteLineAsync("注意：raking 未收敛，各边际未完全对齐总体数；请检查是否有人数很少的类别，或合并类别后重算。");
        }

        if (r.OutsideTrimBounds > 0)
        {
            await stdout.WriteLineAsync($"注意：截尾后重新加权，仍有 {r.OutsideTrimBounds} 个权数超出界限（边际优先）。");
        }

        if (suppressed > 0)
        {
            await stdout.WriteLineAsync($"有 {suppressed} 个分组样本少于 {minCell} 人，已标记 suppressed（结果不稳定，发布时需注明）。");
        }

        await stdout.WriteLineAsync($"已写入 {output}");
        return 0;
    }

    private sealed record ResponseRow(int Line, Respondent Respondent);

    private sealed record MarginRow(int Line, Margin Margin);

    private sealed record RowError(int Line, string Message);

    private static (List<ResponseRow> Rows, List<string> LevelColumns, List<RowError> Errors) ReadResponses(string path)
    {
        var rows = new List<ResponseRow>();
        var errors = new List<RowError>();
        var levelColumns = new List<string>();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        using var csv = Open(path);
        try
        {
            if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { } header)
            {
                errors.Add(new RowError(1, "文件为空，缺少表头 id,district,urban,sex,ageGroup,education,score[,weight]。"));
                return (rows, levelColumns, errors);
            }

            var missing = ResponseColumns.Where(c => !header.Contains(c, StringComparer.Ordinal)).ToList();
            if (missing.Count > 0)
            {
                errors.Add(new RowError(1, $"表头缺少列：{string.Join(", ", missing)}（应为 id,district,urban,sex,ageGroup,education,score[,weight]，大小写一致）。"));
                return (rows, levelColumns, errors);
            }

            levelColumns.AddRange(RequiredLevelColumns.Concat(OptionalLevelColumns.Where(c => header.Contains(c, StringComparer.Ordinal))));
            var hasWeight = header.Contains("weight", StringComparer.Ordinal);
            while (csv.Read())
            {
                var line = csv.Parser.RawRow;
                if (csv.Parser.Record is { } record && record.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }

                var problems = new List<string>();
                var id = csv.GetField("id") ?? "";
                if (id.Length == 0)
                {
                    problems.Add("id 为空");
                }
                else if (ids.TryGetValue(id, out var first))
                {
                    problems.Add($"id {Shorten(id)} 与第 {first} 行重复");
                }
                else
                {
                    ids[id] = line;
                }

                var levels = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var column in levelColumns)
                {
                    var value = csv.GetField(column) ?? "";
                    if (value.Length > 0)
                    {
                        levels[column] = value;
                    }
                    else if (RequiredLevelColumns.Contains(column))
                    {
                        problems.Add($"{column} 为空");
                    }
                }

                var scoreText = csv.GetField("score") ?? "";
                if (!TryNumber(scoreText, out var score) || score < 0 || score > 100)
                {
                    problems.Add($"score“{Shorten(scoreText)}”应为 0 到 100 之间的数");
                }

                var weight = 1.0;
                if (hasWeight)
                {
                    var weightText = csv.GetField("weight") ?? "";
                    if (!TryNumber(weightText, out weight) || weight <= 0)
                    {
                        problems.Add($"weight“{Shorten(weightText)}”应为正数");
                    }
                }

                if (problems.Count > 0)
                {
                    errors.Add(new RowError(line, string.Join("；", problems) + "。"));
                    continue;
                }

                rows.Add(new ResponseRow(line, new Respondent(id, levels, score, weight)));
            }
        }
        catch (CsvHelperException e)
        {
            errors.Add(new RowError(e.Context?.Parser?.RawRow ?? 0, "CSV 格式错误，无法解析（请检查引号是否成对）。"));
        }

        if (rows.Count == 0 && errors.Count == 0)
        {
            errors.Add(new RowError(2, "文件中没有受访者。"));
        }

        return (rows, levelColumns, errors);
    }

    private static (List<MarginRow> Rows, List<RowError> Errors) ReadMargins(string path, List<string> levelColumns)
    {
        var rows = new List<MarginRow>();
        var errors = new List<RowError>();
        var seen = new Dictionary<(string, string), int>();
        using var csv = Open(path);
        try
        {
            if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { } header
                || MarginColumns.Any(c => !header.Contains(c, StringComparer.Ordinal)))
            {
                errors.Add(new RowError(1, "表头应为 variable,level,population。"));
                return (rows, errors);
            }

            while (csv.Read())
            {
                var line = csv.Parser.RawRow;
                if (csv.Parser.Record is { } record && record.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }

                var problems = new List<string>();
                var variable = csv.GetField("variable") ?? "";
                var level = csv.GetField("level") ?? "";
                var populationText = csv.GetField("population") ?? "";
                if (levelColumns.Count > 0 && !levelColumns.Contains(variable, StringComparer.Ordinal))
                {
                    problems.Add($"variable“{Shorten(variable)}”不是受访者文件中的分组列（{string.Join("、", levelColumns)}）");
                }

                if (level.Length == 0)
                {
                    problems.Add("level 为空");
                }

                if (!TryNumber(populationText, out var population) || population <= 0)
                {
                    problems.Add($"population“{Shorten(populationText)}”应为正数");
                }

                if (problems.Count == 0 && seen.TryGetValue((variable, level), out var first))
                {
                    problems.Add($"{variable}={level} 与第 {first} 行重复");
                }

                if (problems.Count > 0)
                {
                    errors.Add(new RowError(line, string.Join("；", problems) + "。"));
                    continue;
                }

                seen[(variable, level)] = line;
                rows.Add(new MarginRow(line, new Margin(variable, level, population)));
            }
        }
        catch (CsvHelperException e)
        {
            errors.Add(new RowError(e.Context?.Parser?.RawRow ?? 0, "CSV 格式错误，无法解析（请检查引号是否成对）。"));
        }

        if (rows.Count == 0 && errors.Count == 0)
        {
            errors.Add(new RowError(2, "文件中没有总体数。"));
        }

        return (rows, errors);
    }

    /// <summary>Each response's level must have a population, and each population level must have respondents: both by row number.</summary>
    private static void CrossCheck(List<ResponseRow> responses, List<MarginRow> margins, List<RowError> responseErrors, List<RowError> marginErrors)
    {
        var known = margins.GroupBy(m => m.Margin.Variable, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(m => m.Margin.Level).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        var used = new HashSet<(string, string)>();
        foreach (var row in responses)
        {
            var problems = new List<string>();
            foreach (var (variable, levels) in known)
            {
                var level = row.Respondent.Levels.GetValueOrDefault(variable, "");
                used.Add((variable, level));
                if (!levels.Contains(level))
                {
                    problems.Add(level.Length == 0 ? $"{variable} 为空，无法加权" : $"{variable}“{Shorten(level)}”在总体数文件中没有");
                }
            }

            if (problems.Count > 0)
            {
                responseErrors.Add(new RowError(row.Line, string.Join("；", problems) + "。"));
            }
        }

        foreach (var row in margins.Where(m => !used.Contains((m.Margin.Variable, m.Margin.Level))))
        {
            marginErrors.Add(new RowError(row.Line, $"{row.Margin.Variable}={Shorten(row.Margin.Level)} 在样本中没有受访者，无法加权（请与相邻类别合并）。"));
        }
    }

    private static async Task WriteErrorsAsync(TextWriter stderr, string file, List<RowError> errors)
    {
        if (errors.Count == 0)
        {
            return;
        }

        await stderr.WriteLineAsync($"  {file}：{errors.Count} 行有错误");
        foreach (var error in errors.Take(200))
        {
            await stderr.WriteLineAsync($"    第 {error.Line} 行：{error.Message}");
        }

        if (errors.Count > 200)
        {
            await stderr.WriteLineAsync($"    ……另有 {errors.Count - 200} 行错误未列出");
        }
    }

    private static CsvReader Open(string path)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            TrimOptions = TrimOptions.Trim,
            BadDataFound = null,
            MissingFieldFound = null,
            DetectDelimiter = false,
        };
        return new CsvReader(new StreamReader(path, detectEncodingFromByteOrderMarks: true), config);
    }

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static string Shorten(string value) => value.Length <= 20 ? value : value[..20] + "…";

    /// <summary>JSON has no NaN or infinity: a non-finite double is written as null (a guard; undefined design effects are already null).</summary>
    private sealed class FiniteDoubleConverter : JsonConverter<double>
    {
        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? double.NaN : reader.GetDouble();

        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
        {
            if (double.IsFinite(value))
            {
                writer.WriteNumberValue(value);
            }
            else
            {
                writer.WriteNullValue();
            }
        }

        public override bool HandleNull => true;
    }
}
