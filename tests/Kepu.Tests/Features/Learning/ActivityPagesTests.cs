using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kepu.Tests.Infrastructure;

namespace Kepu.Tests.Features.Learning;

/// <summary>The activity pages as forms: resubmitting a returned activity, reviewing with an error and then approving, the record's export.</summary>
public sealed class ActivityPagesTests(KepuFactory factory) : IClassFixture<KepuFactory>
{
    private static string Day(int daysAgo) => DateTime.UtcNow.AddHours(8).AddDays(-daysAgo).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task AReturnedActivity_IsResubmittedThroughTheForm_ThenApprovedOnTheReviewPage_AndExported()
    {
        using var api = await factory.ApiClientAsync("citizen");
        var created = await api.PostAsJsonAsync("/api/v1/learning/activities", new
        {
            kind = "article", title = "夏季食品安全小常识", date = Day(20), place = "重庆日报科普频道", audience = 5000, hours = 4,
            evidence = "https://example.org/articles/food-safety", supervisor = "expert",
        });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        using var expertApi = await factory.ApiClientAsync("expert");
        Assert.Equal(HttpStatusCode.OK, (await expertApi.PostAsJsonAsync($"/api/v1/learning/activities/{id}/return", new { reason = "请附上文章发表的链接。" })).StatusCode);

        // The owner opens the returned one for editing: the reason and what was sent are there; the form sends it again.
        using var citizen = factory.PageClient();
        await citizen.LoginAsync("citizen");
        var edit = await citizen.GetStringAsync($"/learn/activities?edit={id}");
        Assert.Contains("请附上文章发表的链接。", edit, StringComparison.Ordinal);
        Assert.Contains("value=\"夏季食品安全小常识\"", edit, StringComparison.Ordinal);
        var sent = await citizen.PostFormAsync($"/learn/activities?edit={id}",
        [
            new("Input.Id", id.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("Input.Kind", "article"), new("Input.Title", "夏季食品安全小常识"),
            new("Input.Date", Day(20)), new("Input.Place", "重庆日报科普频道"), new("Input.Audience", "5000"), new("Input.Hours", "3.5"),
            new("Input.Evidence", "https://example.org/articles/food-safety-published"), new("Input.OrganizationId", ""), new("Input.Supervisor", "expert"),
        ], "/learn/activities");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var mine = (await api.GetFromJsonAsync<JsonElement>("/api/v1/learning/activities/mine")).EnumerateArray().Single(a => a.GetProperty("id").GetInt32() == id);
        Assert.Equal("submitted", mine.GetProperty("state").GetString());
        Assert.Equal(3.5m, mine.GetProperty("hours").GetDecimal());

        // The supervisor's review page: too many hours is shown next to the activity; then approved.
        using var expert = factory.PageClient();
        await expert.LoginAsync("expert");
        var review = await expert.GetStringAsync("/learn/activities/review");
        Assert.Contains("上次退回原因：请附上文章发表的链接。", review, StringComparison.Ordinal);
        var refused = await expert.PostFormAsync("/learn/activities/review", [new("hours", "5")], $"/learn/activities/review?handler=Approve&id={id}");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("认定学时须在", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var approved = await expert.PostFormAsync("/learn/activities/review", [new("hours", "3.5")], $"/learn/activities/review?handler=Approve&id={id}");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);

        var record = await citizen.GetStringAsync("/learn/activities/record");
        Assert.Contains("夏季食品安全小常识", record, StringComparison.Ordinal);
        Assert.Contains("3.5 学时 · 1.7 学分", record, StringComparison.Ordinal);
        var csv = await citizen.GetAsync("/learn/activities/record?handler=Export&format=csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.Contains("\"夏季食品安全小常识\"", text, StringComparison.Ordinal);
        Assert.Contains("合计,,,,5000,,3.5,1.7", text, StringComparison.Ordinal);
    }
}
