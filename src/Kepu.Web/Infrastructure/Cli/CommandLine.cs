using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Regions;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Errors;

namespace Kepu.Web.Infrastructure.Cli;

/// <summary>
/// The same executable is the command line: <c>dotnet run --project src/Kepu.Web -- COMMAND</c>.
/// Every command exits 0 on success and non-zero with a clear message on failure.
/// </summary>
internal static class CommandLine
{
    private static readonly string[] Commands = ["migrate", "admin", "import", "backup", "reindex", "bench", "debunks", "ledger", "outreach", "insights", "survey", "help", "--help", "-h"];

    public const string Usage = """
        科普重庆 Kepu — 命令行

        用法: dotnet run --project src/Kepu.Web -- <命令>
           或: dotnet Kepu.Web.dll <命令>

        命令:
          migrate                   应用数据库迁移（SQLite 或 PostgreSQL，按 Database:Provider）
          admin create --user NAME  创建管理员；密码从标准输入读取，或取环境变量 KEPU_ADMIN_PASSWORD
          import towns FILE         导入乡镇（街道）CSV：code,name,areaCode,provinceCode,cityCode
          backup FILE               在线备份 SQLite 数据库到 FILE（PostgreSQL 请用 pg_dump，见 README）
          reindex                   从数据库重建本节点的搜索索引（Data:Directory/index），并补齐旧内容的正文 HTML
          debunks import FILE.jsonl 导入辟谣条目（每行一个 JSON：id、claim、verdict、title、body 必填）；按 id 更新，可重复导入
          debunks match --in Q.jsonl --out R.jsonl [--top N]   批量比对（评测用）：每行 {"qid","text"}
          ledger verify             校验学习账本（学分、成绩、证书）：有记录被修改、插入或删除时列出并以非零状态退出
          ledger digest             立即公布今天的链头（平时每天自动公布）
          bench data [--items N] [--users M]   向空数据库生成基准测试数据（默认 10 万条内容、100 万用户）
          bench learning [--events N]          在 bench data 之后为 bench 用户生成积分记录与汇总（默认 5000 万条；仅 SQLite）
          outreach plan --targets remote|towns --units N --from YYYY-MM-DD --to YYYY-MM-DD --out PLAN.json [--time-limit S]
                                    大篷车排程（不保存）：每个目标至少走访一次、优先地区在前、只用工作日、里程尽量少
          bench plan [--towns FILE] [--seconds S]   排程基准：17 个边远区县（与精确最优比较）和全部乡镇（与下界比较）
          insights rebuild          从活动记录重算运行监测的汇总（恢复用；期间新记录会等待）
          insights status           运行监测汇总的进度：已汇总到哪一条、还差多少
          bench insights [--events N] [--users U] [--months M] [--requests R] [--live N] [--out FILE.json]
                                    运行监测基准：批量生成 N 条活动记录（默认 5000 万）并汇总，测各看板查询的 p50/p95/p99，再测增量汇总速度
          survey estimate --responses RESPONSES.csv --margins MARGINS.csv --out ESTIMATES.json [--threshold 70] [--min-cell 30] [--trim 0.3,3]
                                    科学素质调查估计（不用数据库）：raking 加权后的比例、标准误（与 R survey 包一致）、设计效应，总体及分组
          help                      显示本帮助

        配置（环境变量用双下划线，如 Database__Provider=Postgres）:
          Database:Provider         Sqlite（默认）或 Postgres
          ConnectionStrings:Postgres
          Data:Directory            数据目录（默认 内容根目录/data）
        """;

    public static bool IsCommand(string[] args) => args.Length > 0 && Commands.Contains(args[0], StringComparer.OrdinalIgnoreCase);

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            switch (args[0].ToLowerInvariant())
            {
                case "help" or "--help" or "-h":
                    await stdout.WriteLineAsync(Usage);
                    return 0;
                case "migrate":
                    await stdout.WriteLineAsync("正在应用数据库迁移…");
                    await DataServices.MigrateAsync(services);
                    await stdout.WriteLineAsync("数据库已是最新结构。");
                    return 0;
                case "admin" when args.Length >= 2 && args[1] == "create":
                    return await CreateAdminAsync(services, args, stdin, stdout, stderr);
                case "import" when args.Length == 3 && args[1] == "towns":
                    return await ImportTownsAsync(services, args[2], stdout, stderr);
                case "bench" when args.Length >= 2 && args[1] == "data":
                    return await BenchData.RunAsync(services, args, stdout, stderr);
                case "bench" when args.Length >= 2 && args[1] == "plan":
                    return await Features.Outreach.Caravans.BenchPlan.RunAsync(services, args, stdout, stderr);
                case "bench" when args.Length >= 2 && args[1] == "insights":
                    return await Features.Insights.Dashboards.BenchInsights.RunAsync(services, args, stdout, stderr);
                case "insights":
                    return await Features.Insights.Activity.InsightsCommands.RunAsync(services, args, stdout, stderr);
                case "bench" when args.Length >= 2 && args[1] == "learning":
                    return await BenchLearning.RunAsync(services, args, stdout, stderr);
                case "reindex" when args.Length == 1:
                    return await ReindexAsync(services, stdout);
                case "debunks":
                    return await Features.Debunk.DebunkCommands.RunAsync(services, args, stdout, stderr);
                case "ledger" when args.Length == 2:
                    return await Features.Learning.Ledger.LedgerCommands.RunAsync(services, args[1], stdout, stderr);
                case "outreach":
                    return await Features.Outreach.Caravans.OutreachCommands.RunAsync(services, args, stdout, stderr);
                case "survey" when args.Length >= 2 && args[1] == "estimate":
                    return await Features.Insights.Survey.Estimation.SurveyEstimateCommand.RunAsync(args, stdout, stderr);
                case "backup" when args.Length == 2:
                    return await BackupCommand.RunAsync(services, args[1], stdout, stderr);
                default:
                    await stderr.WriteLineAsync($"无法识别的命令：{string.Join(' ', args)}");
                    await stderr.WriteLineAsync(Usage);
                    return 2;
            }
        }
        catch (Exception e) when (e is BusinessRuleException or ValidationFailedException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"失败：{Describe(e)}");
            return 1;
        }
    }

    private static async Task<int> CreateAdminAsync(IServiceProvider services, string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var index = Array.IndexOf(args, "--user");
        if (index < 0 || index + 1 >= args.Length || string.IsNullOrWhiteSpace(args[index + 1]))
        {
            await stderr.WriteLineAsync("用法：admin create --user NAME（密码从标准输入读取，或取环境变量 KEPU_ADMIN_PASSWORD）");
            return 2;
        }

        var password = Environment.GetEnvironmentVariable("KEPU_ADMIN_PASSWORD");
        if (string.IsNullOrEmpty(password))
        {
            await stdout.WriteLineAsync("请输入新管理员的密码（至少 8 位，含数字），回车结束：");
            password = (await stdin.ReadLineAsync())?.Trim();
        }

        if (string.IsNullOrEmpty(password))
        {
            await stderr.WriteLineAsync("失败：没有提供密码（标准输入为空，且未设置 KEPU_ADMIN_PASSWORD）。");
            return 1;
        }

        await DataServices.MigrateAsync(services);
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AccountSeeder>().SeedAsync();
        await scope.ServiceProvider.GetRequiredService<CreateAdmin>().HandleAsync(args[index + 1].Trim(), password);
        await stdout.WriteLineAsync($"已创建管理员 {args[index + 1].Trim()}。");
        return 0;
    }

    private static async Task<int> ImportTownsAsync(IServiceProvider services, string file, TextWriter stdout, TextWriter stderr)
    {
        if (!File.Exists(file))
        {
            await stderr.WriteLineAsync($"失败：文件不存在：{file}");
            return 1;
        }

        await DataServices.MigrateAsync(services);
        await using var scope = services.CreateAsyncScope();
        await using var stream = File.OpenRead(file);
        var progress = new SyncProgress<(int Done, int Total)>(p => stdout.WriteLine($"  已处理 {p.Done}/{p.Total} 行"));
        await stdout.WriteLineAsync($"正在检查并导入 {file} …");
        var result = await scope.ServiceProvider.GetRequiredService<ImportTowns>().HandleAsync(stream, progress);
        if (!result.Succeeded)
        {
            await stderr.WriteLineAsync($"失败：文件中有 {result.Errors.Count} 行错误，未导入任何数据：");
            foreach (var error in result.Errors.Take(200))
            {
                await stderr.WriteLineAsync($"  第 {error.Line} 行：{error.Message}");
            }

            if (result.Errors.Count > 200)
            {
                await stderr.WriteLineAsync($"  ……另有 {result.Errors.Count - 200} 行错误未列出");
            }

            return 1;
        }

        await stdout.WriteLineAsync($"完成：共 {result.Rows} 行，新增 {result.Added}，更名 {result.Renamed}，未变 {result.Unchanged}。");
        return 0;
    }

    private static async Task<int> ReindexAsync(IServiceProvider services, TextWriter stdout)
    {
        await DataServices.MigrateAsync(services);
        var rendered = await Features.Library.ContentBodies.RenderMissingAsync(services);
        if (rendered > 0)
        {
            await stdout.WriteLineAsync($"已为 {rendered} 条旧内容生成正文 HTML。");
        }

        await stdout.WriteLineAsync("正在重建搜索索引…");
        var progress = new SyncProgress<(int Done, int Total)>(p => stdout.WriteLine($"  已索引 {p.Done}/{p.Total} 条"));
        var count = await services.GetRequiredService<Features.Library.Search.SearchProjector>().RebuildAsync(progress);
        await stdout.WriteLineAsync($"完成：索引中共有 {count} 条已发布内容。");
        return 0;
    }

    private static string Describe(Exception e) => e is ValidationFailedException v
        ? string.Join("；", v.Errors.SelectMany(x => x.Value))
        : e.Message;

    /// <summary>Reports synchronously, so progress lines appear in order before the summary.</summary>
    private sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
