using System.Diagnostics;
using Kepu.Web.Infrastructure.Data;

namespace Kepu.Web.Features.Insights.Activity;

/// <summary><c>insights rebuild</c>: recomputes the dashboards' aggregates from the activity log; <c>insights status</c>: how far behind they are.</summary>
internal static class InsightsCommands
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter stdout, TextWriter stderr)
    {
        switch (args.Length == 2 ? args[1] : "")
        {
            case "rebuild":
            {
                await DataServices.MigrateAsync(services);
                await using var scope = services.CreateAsyncScope();
                await stdout.WriteLineAsync("正在从活动记录重算运行监测汇总（期间新记录会等待）…");
                var watch = Stopwatch.StartNew();
                var result = await scope.ServiceProvider.GetRequiredService<ReachRebuild>().RunAsync();
                await stdout.WriteLineAsync($"完成：{result.Events} 条活动记录（至编号 {result.Watermark}），汇总 {result.CountRows} 行，月活跃 {result.ActiveRows} 行，" +
                    $"用时 {watch.Elapsed.TotalSeconds:F1} s。");
                return 0;
            }

            case "status":
            {
                await DataServices.MigrateAsync(services);
                await using var scope = services.CreateAsyncScope();
                var s = await scope.ServiceProvider.GetRequiredService<ReachProjector>().StatusAsync();
                await stdout.WriteLineAsync($"已汇总至编号 {s.Watermark}（最新 {s.LastEventId}），待汇总 {s.Behind} 条，等待中的编号 {s.OpenGaps} 个。");
                return 0;
            }

            default:
                await stderr.WriteLineAsync("用法：insights rebuild | insights status");
                return 2;
        }
    }
}
