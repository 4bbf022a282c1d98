using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Kepu.Web.Features.Insights.Activity;
using Kepu.Web.Features.Insights.Activity.Demo;
using Kepu.Web.Features.Insights.Activity.Entities;
using ActivityEvent = Kepu.Web.Features.Insights.Activity.Entities.ActivityEvent;
using Kepu.Web.Features.Regions;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Insights.Dashboards;

/// <summary>
/// <c>bench insights</c>: fills an empty activity log with N events in bulk (set-based SQL: <c>generate_series</c> on
/// PostgreSQL, a recursive CTE on SQLite; spread over the months, kinds, districts by population, audiences and U
/// people), builds the aggregates with <see cref="ReachRebuild"/> (the same set-based SQL as <c>insights rebuild</c>),
/// then times each dashboard query R times, each in its own scope as a request would be, next to a trivial query as the
/// baseline of the same run. Prints p50/p95/p99 and writes JSON. A log that already has events is measured as it is.
/// </summary>
internal static class BenchInsights
{
    private const int Warmup = 30;
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Kinds in 200 slots: reading is the commonest, events held the rarest.</summary>
    private static readonly (string Kind, int Slots)[] KindSlots =
    [
        (ActivityKinds.View, 80), (ActivityKinds.Lesson, 20), (ActivityKinds.Quiz, 30), (ActivityKinds.Check, 30), (ActivityKinds.Registration, 15),
        (ActivityKinds.CheckIn, 12), (ActivityKinds.Event, 5), (ActivityKinds.Attendance, 5), (ActivityKinds.Caravan, 2), (ActivityKinds.Debunk, 1),
    ];

    private static readonly string[] AudienceSlots = ["public", "public", "public", "youth", "youth", "elderly", "elderly", "farmers", "farmers", "workers", "officials", ""];

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter stdout, TextWriter stderr)
    {
        var events = Arg(args, "--events", 50_000_000L);
        var users = (int)Arg(args, "--users", 1_000_000L);
        var months = (int)Arg(args, "--months", 24L);
        var requests = (int)Arg(args, "--requests", 200L);
        if (events < 0 || users < 1 || months is < 1 or > MonthRange.MaxMonths || requests < 10)
        {
            await stderr.WriteLineAsync("用法：bench insights [--events N] [--users U] [--months 1-60] [--requests R≥10] [--live N] [--out FILE.json]");
            return 2;
        }

        await DataServices.MigrateAsync(services);
        var options = services.GetRequiredService<DataOptions>();
        var i = Array.IndexOf(args, "--out");
        var output = i >= 0 && i + 1 < args.Length ? args[i + 1] : Path.Combine(options.DataDirectory, "bench-insights.json");
        var now = DateTime.UtcNow;
        double? generateSeconds = null, rebuildSeconds = null;
        long existing;
        await using (var scope = services.CreateAsyncScope())
        {
            existing = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<ActivityEvent>().MaxAsync(e => (long?)e.Id) ?? 0;
        }

        if (existing == 0 && events > 0)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Database.SetCommandTimeout(TimeSpan.FromHours(4));
            var watch = Stopwatch.StartNew();
            var districts = await scope.ServiceProvider.GetRequiredService<IRegionDirectory>().DistrictsAsync();
            await GenerateAsync(db, options.IsSqlite, events, users, months, districts, now, stdout);
            generateSeconds = watch.Elapsed.TotalSeconds;
            await stdout.WriteLineAsync($"生成 {events} 条活动记录：{generateSeconds:F1} s（{events / Math.Max(0.001, generateSeconds.Value):F0} 条/秒）");
            watch.Restart();
            var rebuilt = await scope.ServiceProvider.GetRequiredService<ReachRebuild>().RunAsync();
            rebuildSeconds = watch.Elapsed.TotalSeconds;
            await stdout.WriteLineAsync($"汇总（集合运算 SQL，同 insights rebuild）：{rebuildSeconds:F1} s；汇总 {rebuilt.CountRows} 行，月活跃 {rebuilt.ActiveRows} 行");
        }
        else
        {
            await stdout.WriteLineAsync($"活动记录已有 {existing} 条（按最大编号），直接测量。");
        }

        long logRows, countRows, activeRows;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            logRows = await db.Set<ActivityEvent>().MaxAsync(e => (long?)e.Id) ?? 0;
            countRows = await db.Set<MonthlyCount>().LongCountAsync();
            activeRows = await db.Set<MonthlyActive>().LongCountAsync();
            // After a bulk load PostgreSQL's autovacuum would visit the new tables in the middle of the measurements.
            db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
            await db.Database.ExecuteSqlRawAsync(options.IsSqlite ? "ANALYZE"
                : "VACUUM (ANALYZE) insights_activity_event, insights_monthly_active, insights_monthly_count");
        }

        await stdout.WriteLineAsync($"数据：活动记录 {logRows} 条（{options.Provider}），汇总 insights_monthly_count {countRows} 行，insights_monthly_active {activeRows} 行。");
        var results = await MeasureAsync(services, requests, now, stdout);
        var live = await LiveAsync(services, options.IsSqlite, Arg(args, "--live", 100_000L), users, now, stdout);

        var baseline = results.Where(r => r.Name.StartsWith("baseline", StringComparison.Ordinal)).Select(r => r.P99).DefaultIfEmpty(1).Max();
        await stdout.WriteLineAsync();
        await stdout.WriteLineAsync($"{"query",-46} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8} {"cpu ms",7} {"p99/base",9} {"p99≤200",8}");
        foreach (var r in results)
        {
            await stdout.WriteLineAsync($"{r.Name,-46} {r.P50,8:F2} {r.P95,8:F2} {r.P99,8:F2} {r.Max,8:F2} {r.Cpu,7:F2} {r.P99 / baseline,9:F1} {(r.P99 <= 200 ? "met" : "NOT MET"),8}");
        }

        var report = new
        {
            provider = options.Provider, events = logRows, users, months, requests, generatedSeconds = generateSeconds, rebuildSeconds,
            monthlyCountRows = countRows, monthlyActiveRows = activeRows, processors = Environment.ProcessorCount, at = now,
            live = live is { } l ? new { events = l.Events, seconds = l.Seconds, eventsPerSecond = l.Events / Math.Max(0.001, l.Seconds), consistent = l.Consistent } : null,
            results = results.Select(r => new { name = r.Name, p50 = r.P50, p95 = r.P95, p99 = r.P99, max = r.Max, mean = r.Mean, cpuPerRequest = r.Cpu }),
        };
        await File.WriteAllTextAsync(output, JsonSerializer.Serialize(report, Indented));
        await stdout.WriteLineAsync($"已写入 {output}");
        return results.Where(r => !r.Name.StartsWith("baseline", StringComparison.Ordinal)).All(r => r.P99 <= 200) ? 0 : 1;
    }

    /// <param name="Cpu">Processor time of this process per request (ms): the work done, whatever else the machine runs.</param>
    private sealed record Timing(string Name, double P50, double P95, double P99, double Max, double Mean, double Cpu);

    private static async Task<List<Timing>> MeasureAsync(IServiceProvider services, int requests, DateTime now, TextWriter stdout)
    {
        var regions = services.CreateScope().ServiceProvider.GetRequiredService<IRegionDirectory>();
        var districts = await regions.DistrictsAsync();
        var thisMonth = DateOnly.FromDateTime(now.AddHours(8));
        thisMonth = new DateOnly(thisMonth.Year, thisMonth.Month, 1);
        MonthRange Last(int n) => new(thisMonth.AddMonths(1 - n), thisMonth);

        async Task<ReachReport> Report(IServiceProvider sp, ReachScope scope) => await sp.GetRequiredService<ReachQuery>().ReportAsync(scope);
        var queries = new List<(string Name, Func<IServiceProvider, int, Task> Run)>
        {
            ("baseline: trivial query (same scope + EF)", async (sp, _) => await sp.GetRequiredService<AppDbContext>().Set<ProjectionState>().AsNoTracking().FirstAsync(s => s.Name == ProjectionState.Reach)),
            ("city dashboard, 12 months (page)", async (sp, _) =>
            {
                var report = await Report(sp, new ReachScope(Last(12), null, null));
                TileMap.Build(report.Districts, Metrics.Active, false, code => "/insights?district=" + code);
                await sp.GetRequiredService<ReachProjector>().StatusAsync();
            }),
            ("city dashboard, 12 months, one audience", async (sp, n) => await Report(sp, new ReachScope(Last(12), null, AudienceSlots[n % 11]))),
            ("district dashboard, 12 months (区县管理员)", async (sp, n) => await Report(sp, new ReachScope(Last(12), districts[n % districts.Count], null))),
            ("API reach by region, 24 months (JSON)", async (sp, _) =>
                JsonSerializer.Serialize((await Report(sp, new ReachScope(Last(24), null, null))).Table(ReachGroups.Region))),
            ("API reach by month, 24 months (JSON)", async (sp, _) =>
                JsonSerializer.Serialize((await Report(sp, new ReachScope(Last(24), null, null))).Table(ReachGroups.Month))),
            ("CSV export by district, 12 months", async (sp, _) =>
            {
                var table = (await Report(sp, new ReachScope(Last(12), null, null))).Districts;
                Spreadsheets.Csv(ReachExport.Headers(table), ReachExport.Rows(table));
            }),
            ("科普统计 XLSX, one year", async (sp, _) =>
            {
                var sheet = await sp.GetRequiredService<StatisticsExport>().SheetAsync(new ReachScope(Last(12), null, null), thisMonth.Year);
                Spreadsheets.Xlsx("科普统计", sheet.Headers, sheet.Rows);
            }),
            ("city dashboard, 60 months (largest range)", async (sp, _) => await Report(sp, new ReachScope(Last(MonthRange.MaxMonths), null, null))),
            ("baseline again", async (sp, _) => await sp.GetRequiredService<AppDbContext>().Set<ProjectionState>().AsNoTracking().FirstAsync(s => s.Name == ProjectionState.Reach)),
        };

        var results = new List<Timing>();
        foreach (var (name, run) in queries)
        {
            var times = new List<double>(requests);
            var cpu = TimeSpan.Zero;
            for (var n = -Warmup; n < requests; n++)
            {
                if (n == 0)
                {
                    cpu = Process.GetCurrentProcess().TotalProcessorTime;
                }

                var watch = Stopwatch.StartNew();
                await using (var scope = services.CreateAsyncScope())
                {
                    await run(scope.ServiceProvider, n + Warmup);
                }

                if (n >= 0)
                {
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }
            }

            cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            times.Sort();
            double P(double q) => times[Math.Clamp((int)Math.Ceiling(q * times.Count) - 1, 0, times.Count - 1)];
            results.Add(new Timing(name, P(0.50), P(0.95), P(0.99), times[^1], times.Average(), cpu.TotalMilliseconds / requests));
            await stdout.WriteLineAsync($"  {name}: p99 {P(0.99):F2} ms");
        }

        return results;
    }

    private sealed record LiveResult(long Events, double Seconds, bool Consistent);

    /// <summary>
    /// Incremental maintenance at this size: N more events arrive (over the last month), and the projector adds them to the
    /// aggregates as it does in production. Checks that the aggregates grew by exactly what was added.
    /// </summary>
    private static async Task<LiveResult?> LiveAsync(IServiceProvider services, bool sqlite, long count, int users, DateTime now, TextWriter stdout)
    {
        if (count <= 0)
        {
            return null;
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
        var districts = await scope.ServiceProvider.GetRequiredService<IRegionDirectory>().DistrictsAsync();
        var projector = scope.ServiceProvider.GetRequiredService<ReachProjector>();
        await projector.CatchUpAsync();
        var before = await CellSumAsync(db);
        var first = (await db.Set<ActivityEvent>().MaxAsync(e => (long?)e.Id) ?? 0) + 1;
        await GenerateAsync(db, sqlite, count, users, 1, districts, now, TextWriter.Null);
        var added = await db.Set<ActivityEvent>().Where(e => e.Id >= first).SumAsync(e => e.Amount);
        var watch = Stopwatch.StartNew();
        var projected = await projector.CatchUpAsync();
        var seconds = watch.Elapsed.TotalSeconds;
        var consistent = projected == count && await CellSumAsync(db) == before + added;
        await stdout.WriteLineAsync($"增量汇总：新到 {count} 条活动记录，投影器 {seconds:F1} s 汇总完（{count / Math.Max(0.001, seconds):F0} 条/秒）；" +
            $"汇总增加量与新记录之和{(consistent ? "一致" : "不一致")}。");
        return new LiveResult(count, seconds, consistent);
    }

    private static Task<long> CellSumAsync(AppDbContext db) =>
        db.Set<MonthlyCount>().Where(c => c.District != MonthlyCount.All && c.Audience != MonthlyCount.All && c.Kind != ActivityKinds.Active).SumAsync(c => c.Amount);

    private static async Task GenerateAsync(AppDbContext db, bool sqlite, long events, int users, int months, IReadOnlyList<DistrictInfo> districts,
        DateTime now, TextWriter stdout)
    {
        var span = (long)TimeSpan.FromDays(months * 30.4).TotalSeconds;
        var start = now.AddSeconds(-span);
        var kinds = KindSlots.SelectMany(k => Enumerable.Repeat(k.Kind, k.Slots)).ToList();
        // Districts in proportion to population (one slot per ~100,000 residents).
        var places = districts.SelectMany(d => Enumerable.Repeat(d.Code, Math.Max(1, (int)Math.Round(DemoPopulation.TenThousands.GetValueOrDefault(d.Code, 50) / 10)))).ToList();
        var chunk = sqlite ? 1_000_000L : 5_000_000L;
        var watch = Stopwatch.StartNew();
        for (long done = 0; done < events; done += chunk)
        {
            var n = Math.Min(chunk, events - done);
            var sql = sqlite ? SqliteInsert(n, users, start, span, kinds, places) : PostgresInsert(n, users, start, span, kinds, places);
            await db.Database.ExecuteSqlRawAsync(sql);
            await stdout.WriteLineAsync($"  活动记录 {done + n}/{events}，{watch.Elapsed.TotalSeconds:F0} s");
        }
    }

    /// <summary>Anonymous kinds carry no person; a third of checks are anonymous; lessons carry minutes, attendance people.</summary>
    private const string Anonymous = "kind IN ('event', 'attendance', 'caravan', 'debunk') OR (kind = 'check' AND r < 30)";

    private static string PostgresInsert(long n, int users, DateTime start, long span, List<string> kinds, List<string> places)
    {
        string Array(IEnumerable<string> values) => "ARRAY[" + string.Join(",", values.Select(v => $"'{v}'")) + "]";
        var from = start.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        return $"""
            INSERT INTO insights_activity_event ("At", "Month", "Kind", "District", "Audience", "UserId", "Amount")
            SELECT at, to_char(at AT TIME ZONE 'UTC' + interval '8 hours', 'YYYY-MM'), kind,
                   CASE WHEN kind = 'debunk' OR (kind = 'check' AND r < 20) THEN '' ELSE district END,
                   CASE WHEN kind IN ('event', 'attendance', 'caravan', 'debunk') THEN '' ELSE audience END,
                   CASE WHEN {Anonymous} THEN NULL ELSE 'bench' || u END,
                   CASE kind WHEN 'lesson' THEN 10 + 5 * (r % 5) WHEN 'attendance' THEN 20 + r ELSE 1 END
            FROM (SELECT timestamptz '{from}+00' + floor(random() * {span}) * interval '1 second' AS at,
                         ({Array(kinds)})[1 + floor(random() * {kinds.Count})::int] AS kind,
                         ({Array(places)})[1 + floor(random() * {places.Count})::int] AS district,
                         ({Array(AudienceSlots)})[1 + floor(random() * {AudienceSlots.Length})::int] AS audience,
                         1 + floor(random() * {users})::int AS u,
                         floor(random() * 100)::int AS r
                  FROM generate_series(1, {n})) s
            """;
    }

    private static string SqliteInsert(long n, int users, DateTime start, long span, List<string> kinds, List<string> places)
    {
        string Packed(IEnumerable<string> values, int width) => "'" + string.Concat(values.Select(v => v.PadRight(width))) + "'";
        var epoch = new DateTimeOffset(start, TimeSpan.Zero).ToUnixTimeSeconds();
        return $"""
            WITH RECURSIVE g(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM g WHERE x < {n})
            INSERT INTO insights_activity_event ("At", "Month", "Kind", "District", "Audience", "UserId", "Amount")
            SELECT strftime('%Y-%m-%d %H:%M:%S', t, 'unixepoch'), strftime('%Y-%m', t + 28800, 'unixepoch'), kind,
                   CASE WHEN kind = 'debunk' OR (kind = 'check' AND r < 20) THEN '' ELSE district END,
                   CASE WHEN kind IN ('event', 'attendance', 'caravan', 'debunk') THEN '' ELSE audience END,
                   CASE WHEN {Anonymous} THEN NULL ELSE 'bench' || u END,
                   CASE kind WHEN 'lesson' THEN 10 + 5 * (r % 5) WHEN 'attendance' THEN 20 + r ELSE 1 END
            FROM (SELECT {epoch} + abs(random() % {span}) AS t,
                         rtrim(substr({Packed(kinds, 12)}, 1 + 12 * abs(random() % {kinds.Count}), 12)) AS kind,
                         substr({Packed(places, 6)}, 1 + 6 * abs(random() % {places.Count}), 6) AS district,
                         rtrim(substr({Packed(AudienceSlots, 9)}, 1 + 9 * abs(random() % {AudienceSlots.Length}), 9)) AS audience,
                         1 + abs(random() % {users}) AS u,
                         abs(random() % 100) AS r
                  FROM g)
            """;
    }

    private static long Arg(string[] args, string name, long fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && long.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }
}
