namespace Kepu.Web.Features.Learning.Ledger;

/// <summary><c>ledger verify</c> (exit 1 and every problem named when the chain is broken) and <c>ledger digest</c>.</summary>
internal static class LedgerCommands
{
    public static async Task<int> RunAsync(IServiceProvider services, string command, TextWriter stdout, TextWriter stderr)
    {
        await using var scope = services.CreateAsyncScope();
        switch (command)
        {
            case "verify":
                var report = await scope.ServiceProvider.GetRequiredService<LedgerVerifier>().VerifyAsync();
                if (report.Intact)
                {
                    await stdout.WriteLineAsync($"账本完整：{report.Entries} 条记录，链头第 {report.HeadSequence} 条 {report.HeadHash}，与 {report.Digests} 个每日链头一致。");
                    return 0;
                }

                foreach (var problem in report.Problems)
                {
                    await stderr.WriteLineAsync($"第 {problem.Sequence} 条：{problem.Message}");
                }

                await stderr.WriteLineAsync($"账本校验失败：{report.Problems.Count} 处问题（共 {report.Entries} 条记录）。");
                return 1;
            case "digest":
                var digest = await services.GetRequiredService<LedgerDigests>().PublishAsync();
                await stdout.WriteLineAsync(digest is null ? "今天的链头已经公布过（或账本还是空的）。" : $"已公布 {digest.Day:yyyy-MM-dd} 的链头：第 {digest.Sequence} 条 {digest.Hash}");
                return 0;
            default:
                await stderr.WriteLineAsync("用法：ledger verify | ledger digest");
                return 2;
        }
    }
}
