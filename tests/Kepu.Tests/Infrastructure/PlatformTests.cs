using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kepu.Tests.Infrastructure;

public sealed class PlatformTests(KepuFactory factory) : IClassFixture<KepuFactory>
{
    [Theory]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    public async Task HealthEndpoints_Are200(string path)
    {
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task OpenApi_DescribesTheApi_AndDocsAreServedByTheApp()
    {
        using var client = factory.CreateClient();
        var doc = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = doc.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/districts", out _));
        Assert.True(paths.TryGetProperty("/api/v1/auth/register", out _));
        Assert.True(paths.TryGetProperty("/api/v1/auth/token", out _));
        Assert.True(paths.TryGetProperty("/api/v1/me", out _));

        var docs = await client.GetAsync("/api-docs/index.html");
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
        var html = await docs.Content.ReadAsStringAsync();
        Assert.DoesNotContain("https://", html.Replace("https://github.com", "", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api-docs/swagger-ui-bundle.js")).StatusCode);
    }

    [Fact]
    public async Task UnknownApiPath_Is404Problem_UnknownPage_IsChinese404Page()
    {
        using var client = factory.CreateClient();
        var api = await client.GetAsync("/api/v1/nothing-here");
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("未找到", (await api.ProblemAsync()).GetProperty("title").GetString());

        var page = await client.GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("页面不存在", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Pages_AreChinese_AndDoNotEscapeChinese_AndUseNoCdn()
    {
        using var client = factory.CreateClient();
        var html = await client.GetStringAsync("/");

        Assert.Contains("<html lang=\"zh-CN\"", html);
        Assert.Contains("科学知识，就在身边", html);
        Assert.DoesNotContain("&#x", html);
        Assert.DoesNotMatch("(src|href)=\"(https?:)?//", html);
    }

    [Fact]
    public async Task DemoAccounts_AreSeeded_WithTheirRolesAndDistricts()
    {
        await using var scope = factory.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var expected = new Dictionary<string, string>
        {
            ["admin"] = Roles.Admin, ["editor"] = Roles.Editor, ["expert"] = Roles.Expert,
            ["org"] = Roles.Organization, ["district"] = Roles.DistrictAdmin, ["citizen"] = Roles.Citizen,
        };
        foreach (var (name, role) in expected)
        {
            var user = await users.FindByNameAsync(name);
            Assert.NotNull(user);
            Assert.True(await users.IsInRoleAsync(user, role), $"{name} should be {role}");
            Assert.True(await users.CheckPasswordAsync(user, KepuFactory.DemoPassword));
        }

        var district = await users.FindByNameAsync("district");
        Assert.Equal("500242", district!.ManagedDistrictCode);
        var citizen = await users.FindByNameAsync("citizen");
        Assert.Equal("500101", citizen!.DistrictCode);
        Assert.Equal(["elderly"], citizen.Audiences);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var org = await users.FindByNameAsync("org");
        Assert.True(await db.Set<OrganizationMember>().AnyAsync(m => m.UserId == org!.Id));
    }

    [Fact]
    public async Task Sqlite_RunsInWalMode()
    {
        if (factory.Provider != "Sqlite")
        {
            return; // Only meaningful for SQLite; the PostgreSQL run checks the same suite on its own database.
        }

        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
        Assert.True(File.Exists(Path.Combine(factory.DataDirectory, "kepu.db")));
    }

    [Fact]
    public async Task Migrations_AreApplied_NoneArePending()
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges(), "the model has changes without a migration: run scripts/add-migration.sh");
    }
}

/// <summary>Production never gets demo accounts, even when asked.</summary>
public sealed class ProductionFactory : KepuFactory
{
    protected override string EnvironmentName => "Production";
}

public sealed class ProductionTests(ProductionFactory factory) : IClassFixture<ProductionFactory>
{
    [Fact]
    public async Task Production_NeverSeedsDemoAccounts_ButHasRoles()
    {
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);

        Assert.Equal(0, await factory.QueryAsync(db => db.Set<AppUser>().CountAsync()));
        Assert.Equal(6, await factory.QueryAsync(db => db.Set<IdentityRole>().CountAsync()));
    }
}
