using System.Net;
using System.Text;
using System.Text.Json;
using Kepu.Tests.Infrastructure;
using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Features.Regions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Kepu.Tests.Features.Outreach;

/// <summary>A host with the towns of 酉阳 and 万州 imported (from ../shared/data) and a second district administrator, for 万州.</summary>
public sealed class OutreachTownsFixture : KepuFactory, IAsyncLifetime
{
    public const string Youyang = "500242";
    public const string Wanzhou = "500101";

    /// <summary>The 万州 district administrator (the demo "district" manages 酉阳).</summary>
    public const string WanzhouAdmin = "wanzhou-admin";

    public IReadOnlyList<string> YouyangTowns { get; private set; } = [];
    public IReadOnlyList<string> WanzhouTowns { get; private set; } = [];

    public async Task InitializeAsync()
    {
        var lines = File.ReadLines(SharedData.Path("chongqing-towns.csv")).ToList();
        var csv = string.Join('\n', lines.Take(1).Concat(lines.Skip(1).Where(l => l.Contains($",{Youyang},", StringComparison.Ordinal) || l.Contains($",{Wanzhou},", StringComparison.Ordinal))));
        await using var scope = Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ImportTowns>().HandleAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)));
        Assert.True(result.Succeeded);
        var regions = scope.ServiceProvider.GetRequiredService<IRegionDirectory>();
        YouyangTowns = [.. (await regions.TownsAsync(Youyang)).Select(t => t.Code)];
        WanzhouTowns = [.. (await regions.TownsAsync(Wanzhou)).Select(t => t.Code)];
        await UserAsync(WanzhouAdmin, Roles.DistrictAdmin, Wanzhou, managed: Wanzhou);
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    /// <summary>Creates an account once (password <see cref="KepuFactory.DemoPassword"/>); returns its id.</summary>
    public async Task<string> UserAsync(string name, string role = Roles.Citizen, string district = Youyang, string? managed = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByNameAsync(name) is { } existing)
        {
            return existing.Id;
        }

        var user = new AppUser { UserName = name, DisplayName = name, DistrictCode = district, ManagedDistrictCode = managed, Audiences = ["public"] };
        Assert.True((await users.CreateAsync(user, DemoPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return user.Id;
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The Chinese detail of a problem response with the expected status.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await JsonAsync(response, expected);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return body;
    }

    public static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    /// <summary>The next <paramref name="day"/> after today (Beijing).</summary>
    public static DateOnly Next(DayOfWeek day)
    {
        var d = Today.AddDays(1);
        while (d.DayOfWeek != day)
        {
            d = d.AddDays(1);
        }

        return d;
    }
}
