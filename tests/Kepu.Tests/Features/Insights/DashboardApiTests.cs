using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Kepu.Tests.Infrastructure;
using Kepu.Web.Features.Insights.Activity;
using Kepu.Web.Features.Insights.Activity.Entities;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Files;
using Microsoft.Extensions.DependencyInjection;

namespace Kepu.Tests.Features.Insights;

/// <summary>
/// The dashboards over a known log: who may see what (403 for another district, in the API and on the page), the tile
/// map of 38 districts with names and numbers, exports that load back equal to the table, population and per 10,000.
/// </summary>
public sealed partial class DashboardApiTests(InsightsFixture factory) : IClassFixture<InsightsFixture>
{
    private string Month => factory.Today.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>A known log for this class: 3 lesson hours, events and checks in 酉阳 and 渝中, this month.</summary>
    private async Task SeedAsync()
    {
        if (await factory.AmountAsync(ActivityKinds.Lesson, "500242") > 0)
        {
            return;
        }

        var now = factory.Clock.GetUtcNow().UtcDateTime;
        await using (var scope = factory.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            for (var i = 0; i < 6; i++)
            {
                db.Add(new ActivityEvent(ActivityKinds.Lesson, now, "500242", "farmers", $"seed-user-{i % 3}", 30));
                db.Add(new ActivityEvent(ActivityKinds.View, now, "500103", "youth", $"seed-user-{10 + i}", 1));
            }

            db.Add(new ActivityEvent(ActivityKinds.Event, now, "500242", "farmers", null, 1));
            db.Add(new ActivityEvent(ActivityKinds.Attendance, now, "500242", "farmers", null, 120));
            db.Add(new ActivityEvent(ActivityKinds.Check, now, "", "", null, 1));
            await db.SaveChangesAsync();
        }

        await factory.ProjectAsync();
    }

    [Fact]
    public async Task ADistrictAdministrator_SeesOnlyTheirDistrict_InTheApiAndOnThePage()
    {
        await SeedAsync();
        using var district = await factory.ApiClientAsync("district");
        var own = await district.GetFromJsonAsync<JsonElement>("/api/v1/insights/reach?groupBy=district");
        Assert.Equal("500242", own.GetProperty("district").GetString());
        Assert.Equal(["500242"], own.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("key").GetString()));
        Assert.Equal(3, own.GetProperty("rows")[0].GetProperty("values").GetProperty("hours").GetDouble());

        foreach (var url in new[] { "/api/v1/insights/reach?district=500101", "/api/v1/insights/reach/export?district=500103&format=csv",
                     "/api/v1/insights/coverage?district=500101", "/api/v1/insights/statistics?district=500103" })
        {
            var refused = await district.GetAsync(url);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Contains("本区县", (await refused.ProblemAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await district.GetAsync("/api/v1/insights/reach?groupBy=region")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await district.PutAsJsonAsync("/api/v1/insights/population/500242", new { residents = 1, year = 2024 })).StatusCode);
        using var citizen = await factory.ApiClientAsync("citizen");
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.GetAsync("/api/v1/insights/reach")).StatusCode);
        using var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/insights/reach")).StatusCode);

        using var page = factory.PageClient();
        await page.LoginAsync("district");
        var html = await page.GetStringAsync("/insights");
        Assert.Contains("酉阳土家族苗族自治县", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"tile-map\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await page.GetAsync("/insights?district=500101")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await page.GetAsync("/api/v1/insights/reach/export?district=500101")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await page.GetAsync("/api/v1/insights/reach/export?format=xlsx")).StatusCode);
    }

    [Fact]
    public async Task TheTileMap_DrawsAll38Districts_WithNameAndNumber()
    {
        await SeedAsync();
        using var page = factory.PageClient();
        await page.LoginAsync("admin");
        var html = await page.GetStringAsync("/insights?metric=hours");
        var tiles = TilePattern().Matches(html).Select(m => (Code: m.Groups["code"].Value, Label: m.Groups["label"].Value, Name: m.Groups["name"].Value, Value: m.Groups["value"].Value)).ToList();
        Assert.Equal(38, tiles.Select(t => t.Code).Distinct().Count());
        Assert.All(tiles, t => Assert.False(string.IsNullOrWhiteSpace(t.Name)));
        Assert.All(tiles, t => Assert.Matches("^[0-9.,万—]+$", t.Value));
        var youyang = tiles.Single(t => t.Code == "500242");
        Assert.Equal("酉阳", youyang.Name);
        Assert.Equal("3", youyang.Value);
        Assert.Contains("酉阳土家族苗族自治县：学习时长 3 小时", youyang.Label, StringComparison.Ordinal);
        Assert.Equal("0", tiles.Single(t => t.Code == "500229").Value);
        Assert.Contains("未覆盖", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exports_LoadBackEqualToTheTable()
    {
        await SeedAsync();
        using var admin = await factory.ApiClientAsync("admin");
        foreach (var groupBy in new[] { "district", "region", "audience", "month" })
        {
            var query = $"?from={Month}&to={Month}&groupBy={groupBy}";
            var table = await admin.GetFromJsonAsync<JsonElement>("/api/v1/insights/reach" + query);
            var expected = table.GetProperty("rows").EnumerateArray().Append(table.GetProperty("total")).ToList();
            foreach (var format in new[] { "csv", "xlsx" })
            {
                var response = await admin.GetAsync($"/api/v1/insights/reach/export{query}&format={format}");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var (rows, error) = Spreadsheets.Read(await response.Content.ReadAsByteArrayAsync());
                Assert.Null(error);
                Assert.Equal(expected.Count, rows.Count);
                foreach (var (row, json) in rows.Zip(expected))
                {
                    Assert.Equal(json.GetProperty("key").GetString(), row["编码"]);
                    Assert.Equal(json.GetProperty("label").GetString(), row[groupBy switch { "region" => "区域", "audience" => "人群", "month" => "月份", _ => "区县" }]);
                    foreach (var metric in json.GetProperty("values").EnumerateObject())
                    {
                        var header = row.Cells.Keys.Single(k => k.StartsWith(Label(metric.Name) + "（", StringComparison.Ordinal));
                        Assert.Equal(metric.Value.GetDouble(), double.Parse(row[header], CultureInfo.InvariantCulture), 3);
                    }
                }
            }
        }
    }

    [Fact]
    public async Task Population_ImportsAllOrNothing_AndGivesFiguresPer10000Residents()
    {
        await SeedAsync();
        using var admin = await factory.ApiClientAsync("admin");
        var bad = await ImportAsync(admin, "district,population,year\n酉阳县,556000,2023\n不存在区,1000,2023\n500101,-5,2023\n");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.ProblemAsync()).GetProperty("errors").ToString();
        Assert.Contains("第 3 行", errors, StringComparison.Ordinal);
        Assert.Contains("第 4 行", errors, StringComparison.Ordinal);
        var listed = await admin.GetFromJsonAsync<JsonElement>("/api/v1/insights/population");
        Assert.Equal(JsonValueKind.Null, listed.EnumerateArray().Single(p => p.GetProperty("district").GetString() == "500242").GetProperty("residents").ValueKind);

        var good = await ImportAsync(admin, "district,population,year,source\n酉阳土家族苗族自治县,600000,2023,测试\n500103,\"588,000\",2023,\n");
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        var table = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/insights/reach?from={Month}&to={Month}&groupBy=district");
        var youyang = table.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("key").GetString() == "500242");
        Assert.Equal(600000, youyang.GetProperty("population").GetInt64());
        Assert.Equal(120 * 10_000.0 / 600_000, youyang.GetProperty("per10k").GetProperty("participants").GetDouble(), 3);
        var wanzhou = table.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("key").GetString() == "500101");
        Assert.Equal(JsonValueKind.Null, wanzhou.GetProperty("per10k").GetProperty("participants").ValueKind);

        var put = await admin.PutAsJsonAsync("/api/v1/insights/population/500101", new { residents = 1_564_000, year = 2023, source = "统计公报" });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync("/api/v1/insights/population/500101", new { residents = 0, year = 1990 })).StatusCode);

        using var page = factory.PageClient();
        await page.LoginAsync("admin");
        var html = await page.GetStringAsync("/insights/population");
        Assert.Contains("600,000", html, StringComparison.Ordinal);
        Assert.Contains("统计公报", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheStatisticsSheet_HasEveryDistrict_ContestFunding_AndSaysOtherFundsAreNotRecorded()
    {
        await SeedAsync();
        using var admin = await factory.ApiClientAsync("admin");
        var response = await admin.GetAsync($"/api/v1/insights/statistics?year={factory.Today.Year}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var (rows, error) = Spreadsheets.Read(await response.Content.ReadAsByteArrayAsync());
        Assert.Null(error);
        Assert.Equal(39, rows.Count);
        var youyang = rows.Single(r => r["区县编码"] == "500242");
        Assert.Equal("1", youyang["科普活动（场）"]);
        Assert.Equal("120", youyang["活动参与（人次）"]);
        Assert.All(rows, r => Assert.Equal("未记录", r["其他科普经费（万元）"]));
        Assert.All(rows, r => Assert.Equal("0", r["征集评选资助（万元）"]));
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/v1/insights/statistics?year=1999")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/v1/insights/reach?from=2026-13")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/v1/insights/reach?from=2026-05&to=2026-01")).StatusCode);
    }

    private static string Label(string metric) => Kepu.Web.Features.Insights.Dashboards.Metrics.Find(metric)!.Label;

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient client, string csv)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "population.csv");
        return await client.PostAsync("/api/v1/insights/population/import", form);
    }

    [GeneratedRegex("""<a href="[^"]*" class="tile [^"]*" data-district="(?<code>\d{6})">\s*<title>(?<label>[^<]*)</title>\s*<rect[^>]*/>\s*<text[^>]*class="tile-name">(?<name>[^<]*)</text>\s*<text[^>]*class="tile-value">(?<value>[^<]*)</text>""")]
    private static partial Regex TilePattern();
}
