using Kepu.Tests.Infrastructure;
using Kepu.Web.Features.Learning;
using Kepu.Web.Features.Learning.Entities;
using Kepu.Web.Features.Learning.Ledger;
using Kepu.Web.Infrastructure.Cli;
using Kepu.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kepu.Tests.Features.Learning;

/// <summary>Its own host: tampering must not break the other tests' ledger.</summary>
public sealed class LedgerTests(KepuFactory factory) : IClassFixture<KepuFactory>
{
    private async Task IssueAsync(int count)
    {
        await using var scope = factory.Scope();
        var certificates = scope.ServiceProvider.GetRequiredService<Certificates>();
        await using var session = await certificates.BeginAsync(default);
        for (var i = 0; i < count; i++)
        {
            session.Issue($"user-{i}", $"学员{i}", "course", "智慧助老：玩转智能手机", null, DateTime.UtcNow);
        }

        await session.CommitAsync(default);
    }

    private async Task<(int Exit, string Out, string Err)> VerifyCommandAsync()
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exit = await CommandLine.RunAsync(factory.Services, ["ledger", "verify"], new StringReader(""), output, errors);
        return (exit, output.ToString(), errors.ToString());
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var scope = factory.Scope();
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.ExecuteSqlRawAsync(sql);
    }

    [Fact]
    public async Task EditingDeletingOrRewritingRecords_IsFound_AndNamed()
    {
        await IssueAsync(6);
        var (exit, output, _) = await VerifyCommandAsync();
        Assert.Equal(0, exit);
        Assert.Contains("账本完整", output, StringComparison.Ordinal);
        var digest = await factory.Services.GetRequiredService<LedgerDigests>().PublishAsync();
        Assert.NotNull(digest);

        // Someone edits one record's content in the database.
        await ExecuteAsync("UPDATE ledger_entry SET \"Payload\" = replace(\"Payload\", '学员3', '冒名者') WHERE \"Sequence\" = 4");
        (exit, _, var errors) = await VerifyCommandAsync();
        Assert.Equal(1, exit);
        Assert.Contains("第 4 条被修改", errors, StringComparison.Ordinal);
        var certificate = await factory.QueryAsync(db => db.Set<Certificate>().SingleAsync(c => c.LedgerSequence == 4));
        await using (var scope = factory.Scope())
        {
            var view = await scope.ServiceProvider.GetRequiredService<Certificates>().VerifyAsync(certificate.Code);
            Assert.False(view.Valid);
        }

        // ... and, to hide it, recomputes that record's hash: the next record no longer links to it.
        var edited = await factory.QueryAsync(db => db.Set<LedgerEntry>().AsNoTracking().SingleAsync(e => e.Sequence == 4));
        await ExecuteAsync($"UPDATE ledger_entry SET \"Hash\" = '{edited.ComputeHash()}' WHERE \"Sequence\" = 4");
        (exit, _, errors) = await VerifyCommandAsync();
        Assert.Equal(1, exit);
        Assert.Contains("第 5 条与前一条接不上", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("第 4 条被修改", errors, StringComparison.Ordinal);

        // A deleted record leaves a gap; deleting the published head contradicts the digest.
        await ExecuteAsync("DELETE FROM ledger_entry WHERE \"Sequence\" IN (2, 6)");
        (exit, _, errors) = await VerifyCommandAsync();
        Assert.Equal(1, exit);
        Assert.Contains("第 2 条缺失", errors, StringComparison.Ordinal);
        Assert.Contains("已没有这一条", errors, StringComparison.Ordinal);
    }
}

public sealed class LedgerPageTests(KepuFactory factory) : IClassFixture<KepuFactory>
{
    private async Task IssueAsync(int count)
    {
        await using var scope = factory.Scope();
        await using var session = await scope.ServiceProvider.GetRequiredService<Certificates>().BeginAsync(default);
        for (var i = 0; i < count; i++)
        {
            session.Issue($"user-{i}", $"学员{i}", "course", "智慧助老：玩转智能手机", null, DateTime.UtcNow);
        }

        await session.CommitAsync(default);
    }

    [Fact]
    public async Task TheLedgerPage_ShowsDigests_AndOnlyAdministratorsRunTheCheck()
    {
        await IssueAsync(1);
        await factory.Services.GetRequiredService<LedgerDigests>().PublishAsync();
        var admin = factory.PageClient();
        await admin.LoginAsync("admin");
        var page = await admin.GetStringAsync("/ledger");
        Assert.Contains("立即校验整条账本", page, StringComparison.Ordinal);
        var citizen = factory.PageClient();
        await citizen.LoginAsync("citizen");
        Assert.DoesNotContain("立即校验整条账本", await citizen.GetStringAsync("/ledger"), StringComparison.Ordinal);
        var refused = await citizen.PostFormAsync("/ledger", [], action: "/ledger?handler=Verify");
        Assert.NotEqual(System.Net.HttpStatusCode.OK, refused.StatusCode);
        var checkedPage = await (await admin.PostFormAsync("/ledger", [], action: "/ledger?handler=Verify")).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"ledger-report\"", checkedPage, StringComparison.Ordinal);
    }
}
