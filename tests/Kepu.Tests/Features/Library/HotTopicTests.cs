using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kepu.Tests.Infrastructure;
using Kepu.Web.Features.Library;
using Microsoft.Extensions.DependencyInjection;
using Kepu.Web.Features.Library.Entities;
using Kepu.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Tests.Features.Library;

public sealed class HotTopicTests(KepuFactory factory) : IClassFixture<KepuFactory>
{
    private async Task<string> ExpertIdAsync() =>
        await factory.QueryAsync(db => db.Users.Where(u => u.UserName == "expert").Select(u => u.Id).SingleAsync());

    [Fact]
    public async Task HotTopic_IsPending_ThenDrafting_ThenRespondedWhenTheResponseIsPublished()
    {
        using var editor = await factory.ApiClientAsync("editor");
        var created = await editor.PostAsJsonAsync("/api/v1/hot-topics", new { title = "暴雨后自来水能不能喝", description = "多地网民询问", deadline = DateTime.UtcNow.AddDays(1), experts = new[] { await ExpertIdAsync() } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        async Task<JsonElement> Topic() => (await editor.GetFromJsonAsync<JsonElement[]>("/api/v1/hot-topics"))!.Single(t => t.GetProperty("id").GetInt32() == id);
        Assert.Equal("open", (await Topic()).GetProperty("status").GetString());

        using var org = await factory.ApiClientAsync("org");
        var draft = await org.PostAsJsonAsync("/api/v1/contents", new { kind = "article", title = "暴雨后饮水安全提示", summary = "暴雨后自来水可能浑浊，烧开再喝。", body = "正文", audiences = new[] { "public" }, topics = new[] { "食品安全" } });
        var contentId = (await draft.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        Assert.Equal(HttpStatusCode.Forbidden, (await org.PostAsJsonAsync($"/api/v1/hot-topics/{id}/response", new { contentId })).StatusCode);
        using var expert = await factory.ApiClientAsync("expert");
        Assert.Equal(HttpStatusCode.NoContent, (await expert.PostAsJsonAsync($"/api/v1/hot-topics/{id}/response", new { contentId })).StatusCode);
        Assert.Equal("drafting", (await Topic()).GetProperty("status").GetString());

        await org.PostAsync($"/api/v1/contents/{contentId}/submit", null);
        await expert.PostAsJsonAsync($"/api/v1/contents/{contentId}/review", new { approve = true });
        await editor.PostAsync($"/api/v1/contents/{contentId}/publish", null);
        var answered = await Topic();
        Assert.Equal("responded", answered.GetProperty("status").GetString());
        Assert.False(answered.GetProperty("overdue").GetBoolean());
    }

    [Fact]
    public async Task HotTopic_PastItsDeadline_IsFlaggedOverdue_AndListedFirst()
    {
        await using (var scope = factory.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Kepu.Web.Infrastructure.Data.AppDbContext>();
            var past = DateTime.UtcNow.AddDays(-3);
            db.Add(new HotTopic("超期未回应的热点", "", past.AddDays(1), [await ExpertIdAsync()], "editor", past));
            await db.SaveChangesAsync();
        }

        using var editor = await factory.ApiClientAsync("editor");
        var list = (await editor.GetFromJsonAsync<JsonElement[]>("/api/v1/hot-topics"))!;
        Assert.Equal("超期未回应的热点", list[0].GetProperty("title").GetString());
        Assert.True(list[0].GetProperty("overdue").GetBoolean());
        Assert.Equal("已超期", list[0].GetProperty("statusLabel").GetString());

        using var page = factory.PageClient();
        await page.LoginAsync("expert");
        Assert.Contains("⚠ 已超期", await page.GetStringAsync("/library/hot-topics"));
    }

    [Fact]
    public async Task Opening_NeedsAnExpertAndAFutureDeadline_AndAnEditor()
    {
        using var editor = await factory.ApiClientAsync("editor");
        var noExpert = await editor.PostAsJsonAsync("/api/v1/hot-topics", new { title = "没有指派专家的热点", deadline = DateTime.UtcNow.AddDays(1), experts = Array.Empty<string>() });
        Assert.Equal(HttpStatusCode.BadRequest, noExpert.StatusCode);
        var citizenId = await factory.QueryAsync(db => db.Users.Where(u => u.UserName == "citizen").Select(u => u.Id).SingleAsync());
        var notExpert = await editor.PostAsJsonAsync("/api/v1/hot-topics", new { title = "指派了非专家的热点", deadline = DateTime.UtcNow.AddDays(1), experts = new[] { citizenId } });
        Assert.Equal(HttpStatusCode.BadRequest, notExpert.StatusCode);
        var past = await editor.PostAsJsonAsync("/api/v1/hot-topics", new { title = "期限已过的热点", deadline = DateTime.UtcNow.AddDays(-1), experts = new[] { await ExpertIdAsync() } });
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);

        using var expert = await factory.ApiClientAsync("expert");
        Assert.Equal(HttpStatusCode.Forbidden, (await expert.PostAsJsonAsync("/api/v1/hot-topics", new { title = "专家自己开的热点", deadline = DateTime.UtcNow.AddDays(1), experts = new[] { await ExpertIdAsync() } })).StatusCode);
        Assert.Throws<BusinessRuleException>(() => new HotTopic("x", "", DateTime.UtcNow.AddDays(1), [], "e", DateTime.UtcNow));
    }
}
