using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Kepu.Tests.Infrastructure;

namespace Kepu.Tests.Features.Debunk;

public sealed class ChartsApiTests(DebunkFixture factory) : IClassFixture<DebunkFixture>
{
    private static string ThisMonth => DateTime.UtcNow.AddHours(8).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Editor_Drafts_Edits_Approves_ThenEveryoneSeesIt_WithRss()
    {
        using var anonymous = factory.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            await anonymous.PostAsJsonAsync("/api/v1/claims", new { text = "听说喝碱性水能把酸性体质调过来，癌症就不会找上门" });
        }

        using var citizen = await factory.ApiClientAsync("citizen");
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.PostAsync($"/api/v1/debunks/charts/{ThisMonth}/draft", null)).StatusCode);

        using var editor = await factory.ApiClientAsync("editor");
        Assert.Equal(HttpStatusCode.BadRequest, (await editor.PostAsync("/api/v1/debunks/charts/2026-13/draft", null)).StatusCode);
        var draft = await (await editor.PostAsync($"/api/v1/debunks/charts/{ThisMonth}/draft", null)).Content.ReadFromJsonAsync<JsonElement>();
        var items = draft.GetProperty("items").EnumerateArray().ToList();
        Assert.Contains("碱性水", items[0].GetProperty("claim").GetString()!, StringComparison.Ordinal);
        Assert.Equal(3, items[0].GetProperty("submissions").GetInt32());
        Assert.Contains(items, i => i.GetProperty("claim").GetString() == "手机辐射会导致脑癌");
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/debunks/charts/{ThisMonth}")).StatusCode);

        var lines = items.Select((item, i) => new { rank = items.Count - i, note = i == 0 ? "酸碱体质理论没有科学依据。" : "", keep = i != 1 }).ToList();
        Assert.Equal(HttpStatusCode.NoContent, (await editor.PutAsJsonAsync($"/api/v1/debunks/charts/{ThisMonth}", new { intro = "本月流言榜", lines })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await editor.PostAsync($"/api/v1/debunks/charts/{ThisMonth}/approve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await editor.PostAsync($"/api/v1/debunks/charts/{ThisMonth}/draft", null)).StatusCode);

        var chart = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/debunks/charts/{ThisMonth}");
        var published = chart.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(items.Count - 1, published.Count);
        Assert.Equal("酸碱体质理论没有科学依据。", published[^1].GetProperty("note").GetString());
        Assert.Equal(Enumerable.Range(1, published.Count), published.Select(p => p.GetProperty("rank").GetInt32()));

        var page = await anonymous.GetStringAsync("/debunks/top");
        Assert.Contains("本月流言榜", page);
        var rss = XDocument.Parse(await anonymous.GetStringAsync("/debunks/top/rss"));
        Assert.Equal("2.0", rss.Root!.Attribute("version")!.Value);
        Assert.Contains(rss.Descendants("item"), i => i.Element("link")!.Value.EndsWith($"/debunks/top/{ThisMonth}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EditorPage_Drafts_RefusesToApproveAnEmptyMonth_AndIsForEditorsOnly()
    {
        using var client = factory.PageClient();
        await client.LoginAsync("editor");
        const string month = "2025-03";
        Assert.Contains("还没有流言榜", await client.GetStringAsync($"/debunk/charts?month={month}"));

        var drafted = await client.PostFormAsync($"/debunk/charts?month={month}", [], action: $"/debunk/charts?month={month}&handler=Draft");
        Assert.Equal(HttpStatusCode.Redirect, drafted.StatusCode);
        var empty = await client.PostFormAsync($"/debunk/charts?month={month}", [], action: $"/debunk/charts?month={month}&handler=Approve");
        Assert.Contains("榜单是空的，不能发布", await empty.Content.ReadAsStringAsync());

        using var citizen = factory.PageClient();
        await citizen.LoginAsync("citizen");
        var refused = await citizen.GetAsync("/debunk/charts");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/account/denied", refused.Headers.Location!.PathAndQuery.Length > 0 && refused.Headers.Location.IsAbsoluteUri ? refused.Headers.Location.PathAndQuery : refused.Headers.Location.OriginalString, StringComparison.Ordinal);
    }
}
