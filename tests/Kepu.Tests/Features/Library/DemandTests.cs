using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Kepu.Tests.Infrastructure;
using Kepu.Web.Features.Library.Entities;
using Kepu.Web.Infrastructure.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Kepu.Tests.Features.Library;

public sealed class DemandFixture : KepuFactory, IAsyncLifetime
{
    public int Fraud { get; private set; }
    public int Diet { get; private set; }

    public async Task InitializeAsync()
    {
        Fraud = await this.PublishAsync("识破刷单返利诈骗", "刷单就是诈骗，先给小甜头，再骗大钱。", "所有刷单都是诈骗。不要下载陌生人发的 App。", ["public"], ["防范电信诈骗"]);
        Diet = await this.PublishAsync("少吃盐的小窍门", "用限盐勺，多用醋和葱姜蒜调味。", "每天食盐不超过 5 克。", ["elderly"], ["合理膳食"]);
        await Services.GetRequiredService<Kepu.Web.Features.Library.Search.SearchProjector>().CatchUpAsync();
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

public sealed class DemandTests(DemandFixture factory) : IClassFixture<DemandFixture>
{
    [Fact]
    public async Task Searches_AreCounted_GapsFound_AndNoOneIsIdentified()
    {
        using var anonymous = factory.CreateClient();
        foreach (var q in new[] { "刷单", "刷单", "量子纠缠", "量子纠缠", "=1+1" })
        {
            await anonymous.GetAsync($"/api/v1/search?q={Uri.EscapeDataString(q)}&audience=elderly&district=500242");
        }

        using var citizen = await factory.ApiClientAsync("citizen");
        await citizen.GetAsync("/api/v1/search?q=" + Uri.EscapeDataString("刷單"));   // traditional input is counted as 刷单
        await citizen.GetAsync($"/contents/{factory.Diet}");
        await citizen.PostAsync($"/api/v1/contents/{factory.Fraud}/finish", null);
        using (var page = factory.PageClient())
        {
            await page.LoginAsync("citizen");
            await page.GetAsync($"/contents/{factory.Diet}");
        }

        using var editor = await factory.ApiClientAsync("editor");
        var report = await editor.GetFromJsonAsync<JsonElement>("/api/v1/demand?days=7");
        var top = report.GetProperty("topQueries").EnumerateArray().ToList();
        Assert.Equal("刷单", top[0].GetProperty("query").GetString());
        Assert.Equal(3, top[0].GetProperty("searches").GetInt32());
        var gap = report.GetProperty("contentGaps").EnumerateArray().Single(g => g.GetProperty("query").GetString() == "量子纠缠");
        Assert.Equal(2, gap.GetProperty("searches").GetInt32());
        Assert.Equal(0, gap.GetProperty("averageResults").GetDouble());

        var southeast = await editor.GetFromJsonAsync<JsonElement>("/api/v1/demand?days=7&region=southeast&audience=elderly");
        Assert.Equal(5, southeast.GetProperty("totalSearches").GetInt32());

        var unfinished = report.GetProperty("unfinished").EnumerateArray().ToList();
        var health = unfinished.Single(t => t.GetProperty("topic").GetString() == "健康");
        Assert.Equal(0, health.GetProperty("finishRate").GetDouble());
        Assert.Equal(1, unfinished.Single(t => t.GetProperty("topic").GetString() == "防范电信诈骗").GetProperty("finishRate").GetDouble());

        // The log has no column that could identify a person.
        await using var scope = factory.Scope();
        var entity = scope.ServiceProvider.GetRequiredService<AppDbContext>().Model.FindEntityType(typeof(SearchLog))!;
        Assert.DoesNotContain(entity.GetProperties(), p => p.Name.Contains("User", StringComparison.Ordinal) || p.Name.Contains("Ip", StringComparison.Ordinal));

        using var org = await factory.ApiClientAsync("org");
        Assert.Equal(HttpStatusCode.Forbidden, (await org.GetAsync("/api/v1/demand")).StatusCode);
    }

    [Fact]
    public async Task Export_CsvAndXlsx()
    {
        using var anonymous = factory.CreateClient();
        await anonymous.GetAsync("/api/v1/search?q=" + Uri.EscapeDataString("=cmd|' /C calc'!A0"));

        // Searches are logged in the background; write what is queued before exporting.
        await factory.Services.GetRequiredService<Kepu.Web.Features.Library.SearchLogBuffer>().FlushAsync();

        using var page = factory.PageClient();
        await page.LoginAsync("editor");
        var csv = await page.GetAsync("/library/demand?handler=Export&format=csv&days=30");
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("表,关键词或主题", text);
        Assert.Contains("\"'=cmd", text);

        var xlsx = await page.GetAsync("/library/demand?handler=Export&format=xlsx&days=30");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        var zip = await xlsx.Content.ReadAsByteArrayAsync();
        Assert.Equal((byte)'P', zip[0]);
        Assert.Equal((byte)'K', zip[1]);

        var html = await page.GetStringAsync("/library/demand");
        Assert.Contains("内容缺口", html);
    }
}
