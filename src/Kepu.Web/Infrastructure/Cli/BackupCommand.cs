using Kepu.Web.Infrastructure.Data;
using Microsoft.Data.Sqlite;

namespace Kepu.Web.Infrastructure.Cli;

/// <summary>
/// A consistent copy of the live SQLite database through SQLite's online backup API: writers may keep
/// working while it runs. PostgreSQL is backed up with pg_dump (README).
/// </summary>
internal static class BackupCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string target, TextWriter stdout, TextWriter stderr)
    {
        var options = services.GetRequiredService<DataOptions>();
        if (!options.IsSqlite)
        {
            await stderr.WriteLineAsync("失败：backup 只用于 SQLite。PostgreSQL 请使用 pg_dump，例如：pg_dump --format=custom --file=kepu.dump \"$连接串\"（见 README）。");
            return 1;
        }

        var fullTarget = Path.GetFullPath(target);
        if (File.Exists(fullTarget))
        {
            await stderr.WriteLineAsync($"失败：目标文件已存在：{fullTarget}（为避免覆盖，请换一个文件名）。");
            return 1;
        }

        var source = new SqliteConnectionStringBuilder(options.ConnectionString).DataSource;
        if (!File.Exists(source))
        {
            await stderr.WriteLineAsync($"失败：数据库文件不存在：{source}");
            return 1;
        }

        if (Path.GetDirectoryName(fullTarget) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        await stdout.WriteLineAsync($"正在备份 {source} → {fullTarget} …");
        await using (var from = new SqliteConnection(options.ConnectionString))
        await using (var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = fullTarget, Pooling = false }.ToString()))
        {
            await from.OpenAsync();
            await to.OpenAsync();
            from.BackupDatabase(to);
        }

        await stdout.WriteLineAsync($"完成：{new FileInfo(fullTarget).Length / 1024.0:F0} KB。");
        return 0;
    }
}
