using System.Text.Json;
using Kepu.Web.Infrastructure.Data;

namespace Kepu.Web.Features.Debunk;

/// <summary>
/// <c>debunks import FILE.jsonl</c> and <c>debunks match --in QUERIES.jsonl --out RESULTS.jsonl [--top N]</c>
/// (evaluation: each input line <c>{"qid","text"}</c>, each output line <c>{"qid","decision","candidates":[{"id","score"}]}</c>;
/// <c>id</c> is the entry's import id when it has one).
/// </summary>
public static class DebunkCommands
{
    public const string Usage = """
          debunks import FILE.jsonl            导入辟谣条目（每行一个 JSON：id、claim、verdict、title、body 必填）；按 id 更新，可重复导入
          debunks match --in Q.jsonl --out R.jsonl [--top N]   批量比对（评测用）：每行 {"qid","text"} → {"qid","decision","candidates"}
        """;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter stdout, TextWriter stderr)
    {
        await DataServices.MigrateAsync(services);
        if (args.Length == 3 && args[1] == "import")
        {
            return await ImportAsync(services, args[2], stdout, stderr);
        }

        if (args.Length >= 2 && args[1] == "match" && Option(args, "--in") is { } input && Option(args, "--out") is { } output)
        {
            var top = int.TryParse(Option(args, "--top"), out var n) ? Math.Clamp(n, 1, 100) : 10;
            return await MatchAsync(services, input, output, top, stdout, stderr);
        }

        await stderr.WriteLineAsync("用法：\n" + Usage);
        return 2;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static async Task<int> ImportAsync(IServiceProvider services, string file, TextWriter stdout, TextWriter stderr)
    {
        if (!File.Exists(file))
        {
            await stderr.WriteLineAsync($"找不到文件：{file}");
            return 1;
        }

        await using var scope = services.CreateAsyncScope();
        using var reader = new StreamReader(file);
        var result = await scope.ServiceProvider.GetRequiredService<ImportDebunks>().ImportAsync(reader, "system");
        foreach (var error in result.Errors.Take(200))
        {
            await stderr.WriteLineAsync($"第 {error.Line} 行：{error.Message}");
        }

        if (result.Errors.Count > 200)
        {
            await stderr.WriteLineAsync($"……另有 {result.Errors.Count - 200} 行错误未列出");
        }

        await stdout.WriteLineAsync($"完成：共 {result.Lines} 行，新增 {result.Added}，更新 {result.Updated}，未变 {result.Unchanged}，出错 {result.Errors.Count}。");
        return result.Errors.Count == 0 ? 0 : 1;
    }

    private sealed record QueryLine(string? Qid, string? Text);

    private static async Task<int> MatchAsync(IServiceProvider services, string input, string output, int top, TextWriter stdout, TextWriter stderr)
    {
        if (!File.Exists(input))
        {
            await stderr.WriteLineAsync($"找不到文件：{input}");
            return 1;
        }

        var matcher = services.GetRequiredService<DebunkMatcher>();
        var keys = await matcher.KeysAsync();
        await matcher.MatchAsync("预热", 1); // loads the index, so the times below are matches only
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        await using var writer = new StreamWriter(output);
        var line = 0;
        var bad = 0;
        var times = new List<double>();
        foreach (var text in await File.ReadAllLinesAsync(input))
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            QueryLine? query;
            try
            {
                query = JsonSerializer.Deserialize<QueryLine>(text, json);
            }
            catch (JsonException)
            {
                query = null;
            }

            if (query?.Qid is null || query.Text is null)
            {
                await stderr.WriteLineAsync($"第 {line} 行：须为 {{\"qid\",\"text\"}}。");
                bad++;
                continue;
            }

            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var result = await matcher.MatchAsync(query.Text.Length > CheckText.MaxLength ? query.Text[..CheckText.MaxLength] : query.Text, top, ranking: true);
            times.Add(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            await writer.WriteLineAsync(JsonSerializer.Serialize(new
            {
                qid = query.Qid,
                decision = result.Decision,
                candidates = result.Candidates.Select(c => new { id = keys.GetValueOrDefault(c.Id, c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), score = c.Score }),
            }, json));
        }

        times.Sort();
        var p95 = times.Count == 0 ? 0 : times[(int)Math.Min(times.Count - 1, Math.Ceiling(times.Count * 0.95) - 1)];
        await stdout.WriteLineAsync($"完成：{times.Count} 条比对，p95 {p95:F2} ms；出错 {bad} 行。");
        return bad == 0 ? 0 : 1;
    }
}
