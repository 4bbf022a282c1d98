using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Infrastructure.Cli;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Kepu.Tests.Infrastructure;

public sealed class CommandLineTests(KepuFactory factory) : IClassFixture<KepuFactory>
{
    private async Task<(int Exit, string Out, string Err)> RunAsync(string[] args, string stdin = "")
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var exit = await CommandLine.RunAsync(factory.Services, args, new StringReader(stdin), output, errors);
        return (exit, output.ToString(), errors.ToString());
    }

    [Fact]
    public async Task Help_ListsEveryCommand()
    {
        var (exit, output, _) = await RunAsync(["help"]);

        Assert.Equal(0, exit);
        foreach (var command in new[] { "migrate", "admin create --user", "import towns", "backup" })
        {
            Assert.Contains(command, output);
        }
    }

    [Fact]
    public async Task UnknownCommandShape_ExitsNonZero_WithAMessage()
    {
        var (exit, _, errors) = await RunAsync(["import", "villages", "x.csv"]);

        Assert.Equal(2, exit);
        Assert.Contains("无法识别的命令", errors);
    }

    [Fact]
    public async Task Migrate_IsIdempotent()
    {
        Assert.Equal(0, (await RunAsync(["migrate"])).Exit);
        var (exit, output, _) = await RunAsync(["migrate"]);

        Assert.Equal(0, exit);
        Assert.Contains("最新", output);
    }

    [Fact]
    public async Task AdminCreate_ReadsPasswordFromStdin_AndRefusesDuplicates()
    {
        var (exit, _, errors) = await RunAsync(["admin", "create", "--user", "root_admin"], "Strong-pass-9\n");
        Assert.True(exit == 0, errors);

        await using (var scope = factory.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByNameAsync("root_admin");
            Assert.NotNull(user);
            Assert.True(await users.IsInRoleAsync(user, Roles.Admin));
            Assert.True(await users.CheckPasswordAsync(user, "Strong-pass-9"));
        }

        var again = await RunAsync(["admin", "create", "--user", "root_admin"], "Strong-pass-9\n");
        Assert.Equal(1, again.Exit);
        Assert.Contains("已存在", again.Err);
    }

    [Fact]
    public async Task AdminCreate_WithWeakPassword_Fails_AndCreatesNothing()
    {
        var (exit, _, errors) = await RunAsync(["admin", "create", "--user", "weak_admin"], "abc\n");

        Assert.Equal(1, exit);
        Assert.Contains("密码", errors);
        Assert.Null(await factory.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions
            .FirstOrDefaultAsync(db.Set<AppUser>(), u => u.UserName == "weak_admin")));
    }

    [Fact]
    public async Task ImportTowns_MissingFile_ExitsNonZero()
    {
        var (exit, _, errors) = await RunAsync(["import", "towns", "/nonexistent/towns.csv"]);

        Assert.Equal(1, exit);
        Assert.Contains("文件不存在", errors);
    }

    [Fact]
    public async Task Backup_MakesAConsistentCopy_OnSqlite()
    {
        var target = Path.Combine(factory.DataDirectory, "backups", "kepu-backup.db");
        var (exit, output, errors) = await RunAsync(["backup", target]);

        if (factory.Provider != "Sqlite")
        {
            Assert.Equal(1, exit);
            Assert.Contains("pg_dump", errors);
            return;
        }

        Assert.True(exit == 0, errors);
        Assert.Contains("完成", output);
        await using var copy = new SqliteConnection($"Data Source={target};Mode=ReadOnly;Pooling=False");
        await copy.OpenAsync();
        await using var command = copy.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM regions_district";
        Assert.Equal(38L, (long)(await command.ExecuteScalarAsync())!);

        var again = await RunAsync(["backup", target]);
        Assert.Equal(1, again.Exit);
        Assert.Contains("已存在", again.Err);
    }
}
