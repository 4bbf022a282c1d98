using System.Globalization;
using System.Text.Json;
using Kepu.Web.Features.Outreach.Caravans.Entities;
using Kepu.Web.Features.Outreach.Caravans.Planning;
using Kepu.Web.Features.Outreach.Geography;
using Kepu.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Outreach.Caravans;

/// <summary>
/// <c>outreach plan --targets remote|towns --units N --from YYYY-MM-DD --to YYYY-MM-DD --out PLAN.json [--time-limit S]</c>:
/// plans without storing anything and writes <c>{"visits":[{"unit","target","date"}…],"travelKm":…}</c> (one visit per day
/// at a stop; <c>unit</c> is the unit's number, <c>target</c> a district or town code) plus the lower bound, the solve time,
/// the units and the targets left out.
/// </summary>
public static class OutreachCommands
{
    public const string Usage = """
          outreach plan --targets remote|towns --units N --from YYYY-MM-DD --to YYYY-MM-DD --out PLAN.json [--time-limit S]
                                    排程（不保存）：用数据库中前 N 个在用单元，没有这么多时用 N 辆驻重庆科技馆（江北区）的大篷车；
                                    towns 需先 import towns；写出 {"visits":[{"unit","target","date"}],"travelKm"}
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length < 2 || args[1] != "plan")
        {
            await stderr.WriteLineAsync("用法：\n" + Usage);
            return 2;
        }

        var errors = new List<string>();
        var kind = Option(args, "--targets");
        if (kind is not (PlanTargetKinds.Remote or PlanTargetKinds.Towns))
        {
            errors.Add("--targets 必须是 remote（边远涉农区县）或 towns（乡镇街道）。");
        }

        var count = Number(args, "--units", 1, 500, null, errors, "--units 必须是 1 到 500 之间的整数（单元数）。");
        var seconds = Number(args, "--time-limit", 1, 3600, 10, errors, "--time-limit 必须是 1 到 3600 之间的整数（秒）。");
        var from = Date(args, "--from", errors);
        var to = Date(args, "--to", errors);
        if (from is { } f && to is { } t && (t < f || t.DayNumber - f.DayNumber + 1 > CreateCaravanPlan.MaxPeriodDays))
        {
            errors.Add($"--to 不能早于 --from，计划期最长 {CreateCaravanPlan.MaxPeriodDays} 天。");
        }

        var output = Option(args, "--out");
        if (string.IsNullOrWhiteSpace(output))
        {
            errors.Add("请用 --out 指定输出的 JSON 文件。");
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

        await DataServices.MigrateAsync(services);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var targets = scope.ServiceProvider.GetRequiredService<CaravanTargets>();
        var list = kind == PlanTargetKinds.Towns ? await targets.TownTargetsAsync() : await targets.DistrictTargetsAsync();
        if (list.Count == 0)
        {
            await stderr.WriteLineAsync(kind == PlanTargetKinds.Towns
                ? "失败：数据库中还没有乡镇（街道）：请先运行 import towns FILE（如 ../shared/data/chongqing-towns.csv）。"
                : "失败：没有标记为边远涉农（R）的区县。");
            return 1;
        }

        var active = await db.Set<CaravanUnit>().AsNoTracking().Where(u => u.Active).OrderBy(u => u.Id).Take(count!.Value).ToListAsync();
        IReadOnlyList<PlanUnit> units;
        if (active.Count == count)
        {
            units = await scope.ServiceProvider.GetRequiredService<CreateCaravanPlan>().PlanUnitsAsync(active, from!.Value, to!.Value);
            await stdout.WriteLineAsync($"使用数据库中的 {count} 个单元：{string.Join("、", active.Select(u => u.Name))}");
        }
        else
        {
            units = SciencePalaceUnits(count.Value, from!.Value, to!.Value);
            await stdout.WriteLineAsync($"数据库中在用单元不足 {count} 个，使用 {count} 辆驻重庆科技馆（江北区）的大篷车（周一至周五）。");
        }

        await stdout.WriteLineAsync($"正在为 {list.Count} 个目标排程（最多 {seconds} 秒）…");
        var result = CaravanPlanner.Solve(units, list.Select(x => x.ToPlanTarget()).ToList(), await targets.RoadsAsync(),
            new PlannerOptions { TimeLimit = TimeSpan.FromSeconds(seconds!.Value) }, from.Value);
        await WriteAsync(output!, units, result);
        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"完成：{result.Stops.Count} 站，行驶 {result.TravelKm:0.0} 公里（下界 {result.LowerBoundKm:0.0}），用时 {result.SolveMs} 毫秒；未排入 {result.Unplanned.Count} 个。已写入 {output}"));
        if (result.Unplanned.Count > 0)
        {
            await stdout.WriteLineAsync($"未排入（计划期内工作日不够）：{string.Join("、", result.Unplanned.Take(50))}{(result.Unplanned.Count > 50 ? "……" : "")}");
        }

        return 0;
    }

    /// <summary>N caravans at 重庆科技馆 (江北区), Monday to Friday.</summary>
    public static IReadOnlyList<PlanUnit> SciencePalaceUnits(int count, DateOnly from, DateOnly to) =>
        Enumerable.Range(1, count).Select(i => new PlanUnit(i, $"大篷车{i}", "500105", DistrictSeats.Of("500105")!.Value,
            WorkingCalendar.Days(from, to, WorkingCalendar.Weekdays))).ToList();

    private static async Task WriteAsync(string path, IReadOnlyList<PlanUnit> units, PlanResult result)
    {
        var document = new
        {
            visits = result.Stops.OrderBy(s => s.Dates[0]).ThenBy(s => s.UnitId)
                .SelectMany(s => s.Dates.Select(d => new { unit = s.UnitId, target = s.TargetCode, date = d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) })),
            travelKm = result.TravelKm,
            lowerBoundKm = result.LowerBoundKm,
            solveMs = result.SolveMs,
            unplanned = result.Unplanned,
            units = units.Select(u => new { id = u.Id, name = u.Name, home = u.HomeCode, km = result.UnitKm[u.Id], workingDays = u.Days.Count }),
        };
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(document, Json));
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static int? Number(string[] args, string name, int min, int max, int? fallback, List<string> errors, string message)
    {
        var text = Option(args, name);
        if (text is null && fallback is not null)
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
        {
            return n;
        }

        errors.Add(message);
        return null;
    }

    private static DateOnly? Date(string[] args, string name, List<string> errors)
    {
        if (DateOnly.TryParseExact(Option(args, name), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add($"{name} 必须是 YYYY-MM-DD 格式的日期。");
        return null;
    }
}
