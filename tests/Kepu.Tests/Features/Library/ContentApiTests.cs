using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kepu.Tests.Infrastructure;
using Kepu.Web.Features.Accounts.Admin;
using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Features.Library.Entities;
using Kepu.Web.Infrastructure.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kepu.Tests.Features.Library;

public sealed class ContentApiTests(KepuFactory factory) : IClassFixture<KepuFactory>
{
    private static object Article(string title = "老人如何识别冒充公检法的电话诈骗") => new
    {
        kind = "article",
        title,
        summary = "公检法机关不会通过电话办案，更不会要求转账到“安全账户”。",
        body = "## 记住三个“不会”\n\n公安、检察院、法院不会通过电话、微信办案。\n\n接到可疑电话，挂断后拨打 110 或 96110 核实。",
        audiences = new[] { "elderly" },
        topics = new[] { "防范电信诈骗" },
        districts = new[] { "500242" },
    };

    private static async Task<int> CreateAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/v1/contents", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    [Fact]
    public async Task OrgMember_Writes_Expert_Approves_Editor_Publishes_AndTheHistoryShowsIt()
    {
        using var org = await factory.ApiClientAsync("org");
        var id = await CreateAsync(org, Article());

        using var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/contents/{id}")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await org.PostAsync($"/api/v1/contents/{id}/submit", null)).StatusCode);
        using var expert = await factory.ApiClientAsync("expert");
        Assert.Equal(HttpStatusCode.NoContent, (await expert.PostAsJsonAsync($"/api/v1/contents/{id}/review", new { approve = true, comment = "内容准确" })).StatusCode);
        using var editor = await factory.ApiClientAsync("editor");
        Assert.Equal(HttpStatusCode.NoContent, (await editor.PostAsync($"/api/v1/contents/{id}/publish", null)).StatusCode);

        var item = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/contents/{id}");
        Assert.Equal("published", item.GetProperty("status").GetString());
        Assert.Equal(AccountSeederName, item.GetProperty("organizationName").GetString());
        Assert.Equal(["draft", "submitted", "approved", "published"],
            item.GetProperty("transitions").EnumerateArray().Select(t => t.GetProperty("to").GetString()!).ToArray());
        Assert.Equal("内容准确", item.GetProperty("transitions")[2].GetProperty("comment").GetString());
        Assert.Equal("科普专家", item.GetProperty("transitions")[2].GetProperty("by").GetString());
        Assert.Contains("CC BY 4.0", item.GetProperty("attribution").GetString());

        var outbox = await factory.QueryAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.Stream == "content" && m.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(4, outbox);
    }

    private const string AccountSeederName = "重庆市科普示范机构（演示）";

    public static TheoryData<string, string> BadDrafts => new()
    {
        { """{"kind":"article","title":"标题够长了吗","summary":"这是一段足够长的摘要文字。","body":"正文","audiences":["elderly"],"topics":["占星术"]}""", "topics" },
        { """{"kind":"video","title":"视频没有文字稿","summary":"这是一段足够长的摘要文字。","mediaUrl":"https://video.example.cn/1.mp4","audiences":["elderly"],"topics":["合理膳食"]}""", "transcript" },
        { """{"kind":"article","title":"<script>x</script>","summary":"这是一段足够长的摘要文字。","body":"正文","audiences":["elderly"],"topics":["合理膳食"]}""", "title" },
        { """{"kind":"article","title":"没有正文的图文","summary":"这是一段足够长的摘要文字。","audiences":["elderly"],"topics":["合理膳食"]}""", "body" },
        { """{"kind":"interactive","title":"危险的链接地址","summary":"这是一段足够长的摘要文字。","mediaUrl":"javascript:alert(1)","audiences":["elderly"],"topics":["合理膳食"]}""", "mediaUrl" },
        { """{"kind":"article","title":"没有目标人群的","summary":"这是一段足够长的摘要文字。","body":"正文","audiences":[],"topics":["合理膳食"]}""", "audiences" },
        { """{"kind":"article","title":"区县代码不存在","summary":"这是一段足够长的摘要文字。","body":"正文","audiences":["elderly"],"topics":["合理膳食"],"districts":["123456"]}""", "districts" },
        { """{"kind":"podcast","title":"类型不存在的内容","summary":"这是一段足够长的摘要文字。","body":"正文","audiences":["elderly"],"topics":["合理膳食"]}""", "kind" },
    };

    [Theory]
    [MemberData(nameof(BadDrafts))]
    public async Task Create_BadInput_Is400_WithFieldError_AndStoresNothing(string json, string field)
    {
        var before = await factory.QueryAsync(db => db.Set<ContentItem>().CountAsync());
        using var org = await factory.ApiClientAsync("org");
        var response = await org.PostAsync("/api/v1/contents", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ProblemAsync()).GetProperty("errors").TryGetProperty(field, out _), field);
        Assert.Equal(before, await factory.QueryAsync(db => db.Set<ContentItem>().CountAsync()));
    }

    [Fact]
    public async Task Create_ByCitizenOutsideAnyOrganization_Is403()
    {
        using var citizen = await factory.ApiClientAsync("citizen");
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.PostAsJsonAsync("/api/v1/contents", Article())).StatusCode);
    }

    [Fact]
    public async Task Review_ByExpertOfTheSameOrganization_Is403()
    {
        await using (var scope = factory.Scope())
        {
            var orgs = scope.ServiceProvider.GetRequiredService<ManageOrganizations>();
            var id = await orgs.CreateAsync(new OrganizationRequest { Name = "回避测试学会", Kind = "society" });
            await orgs.AddMemberAsync(id, "expert", false);
            await orgs.AddMemberAsync(id, "editor", false);
        }

        using var editor = await factory.ApiClientAsync("editor");
        var orgId = await factory.QueryAsync(db => db.Set<Organization>().Where(o => o.Name == "回避测试学会").Select(o => o.Id).SingleAsync());
        var content = await CreateAsync(editor, new { kind = "article", title = "同机构回避的测试文章", summary = "这是一段足够长的摘要文字。", body = "正文", audiences = new[] { "public" }, topics = new[] { "合理膳食" }, organizationId = orgId });
        await editor.PostAsync($"/api/v1/contents/{content}/submit", null);

        using var expert = await factory.ApiClientAsync("expert");
        var response = await expert.PostAsJsonAsync($"/api/v1/contents/{content}/review", new { approve = true });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("回避", (await response.ProblemAsync()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Review_ByExpertWithoutTheDiscipline_Is403_AndByNonExpert_Is403()
    {
        using (var anon = factory.CreateClient())
        {
            await anon.PostAsJsonAsync("/api/v1/auth/register", new { userName = "narrow_expert", password = "Right-pass-1", audiences = new[] { "public" }, district = "500103" });
        }

        using var admin = await factory.ApiClientAsync("admin");
        var list = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/users?q=narrow_expert");
        var userId = list.GetProperty("rows")[0].GetProperty("id").GetString();
        await admin.PutAsJsonAsync($"/api/v1/admin/users/{userId}/roles", new { roles = new[] { "Expert" } });

        using var org = await factory.ApiClientAsync("org");
        var id = await CreateAsync(org, Article("不在专家领域内的一篇文章"));
        await org.PostAsync($"/api/v1/contents/{id}/submit", null);

        using var narrow = await factory.ApiClientAsync("narrow_expert", "Right-pass-1");
        var response = await narrow.PostAsJsonAsync($"/api/v1/contents/{id}/review", new { approve = true });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("审核领域", (await response.ProblemAsync()).GetProperty("detail").GetString());

        using var citizen = await factory.ApiClientAsync("citizen");
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.PostAsJsonAsync($"/api/v1/contents/{id}/review", new { approve = true })).StatusCode);
    }

    [Fact]
    public async Task Return_Edit_Diff_Resubmit()
    {
        using var org = await factory.ApiClientAsync("org");
        var id = await CreateAsync(org, Article("退回修改后再提交的文章"));
        await org.PostAsync($"/api/v1/contents/{id}/submit", null);

        using var expert = await factory.ApiClientAsync("expert");
        var noComment = await expert.PostAsJsonAsync($"/api/v1/contents/{id}/review", new { approve = false });
        Assert.Equal(HttpStatusCode.Conflict, noComment.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await expert.PostAsJsonAsync($"/api/v1/contents/{id}/review", new { approve = false, comment = "请补充求助电话" })).StatusCode);

        var edited = new
        {
            kind = "article", title = "退回修改后再提交的文章", summary = "公检法机关不会通过电话办案，更不会要求转账到“安全账户”。",
            body = "## 记住三个“不会”\n\n公安、检察院、法院不会通过电话、微信办案。\n\n接到可疑电话，挂断后拨打 110 或 96110 核实。\n\n也可以下载国家反诈中心 App。",
            audiences = new[] { "elderly" }, topics = new[] { "防范电信诈骗" },
        };
        Assert.Equal(HttpStatusCode.NoContent, (await org.PutAsJsonAsync($"/api/v1/contents/{id}", edited)).StatusCode);
        var diff = await org.GetFromJsonAsync<JsonElement>($"/api/v1/contents/{id}/diff?from=1&to=2");
        Assert.Contains(diff.GetProperty("lines").EnumerateArray(), l => l.GetProperty("type").GetString() == "added" && l.GetProperty("text").GetString()!.Contains("国家反诈中心"));

        Assert.Equal(HttpStatusCode.NoContent, (await org.PostAsync($"/api/v1/contents/{id}/submit", null)).StatusCode);
        var item = await org.GetFromJsonAsync<JsonElement>($"/api/v1/contents/{id}");
        Assert.Equal("submitted", item.GetProperty("status").GetString());
        Assert.Equal(2, item.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Publish_ByNonEditor_Is403_BeforeApproval_Is409_Offline_NeedsReason_AndHides()
    {
        using var org = await factory.ApiClientAsync("org");
        var id = await CreateAsync(org, Article("发布权限与下线测试文章"));
        await org.PostAsync($"/api/v1/contents/{id}/submit", null);
        using var editor = await factory.ApiClientAsync("editor");
        Assert.Equal(HttpStatusCode.Forbidden, (await org.PostAsync($"/api/v1/contents/{id}/publish", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await editor.PostAsync($"/api/v1/contents/{id}/publish", null)).StatusCode);

        using var expert = await factory.ApiClientAsync("expert");
        await expert.PostAsJsonAsync($"/api/v1/contents/{id}/review", new { approve = true });
        Assert.Equal(HttpStatusCode.NoContent, (await editor.PostAsync($"/api/v1/contents/{id}/publish", null)).StatusCode);
        using var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/contents/{id}")).StatusCode); // now held in memory
        Assert.Equal(HttpStatusCode.BadRequest, (await editor.PostAsJsonAsync($"/api/v1/contents/{id}/offline", new { reason = "" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await editor.PostAsJsonAsync($"/api/v1/contents/{id}/offline", new { reason = "数据需要更新" })).StatusCode);

        // Gone at once, from the page as from the API.
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/contents/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/contents/{id}")).StatusCode);
    }

    [Fact]
    public async Task ItemPage_IsCachedForAnonymousReaders_PerDisplayMode_NotForSignedInReaders()
    {
        var id = await factory.PublishAsync("缓存页面测试：饭后散步的好处", "饭后半小时散步，有助于控制血糖。",
            "饭后半小时再散步，每次二三十分钟，有助于控制血糖。", ["elderly"], ["合理膳食"]);

        using var anonymous = factory.PageClient();
        var first = await anonymous.GetAsync($"/contents/{id}");
        Assert.Null(first.Headers.Age);
        var second = await anonymous.GetAsync($"/contents/{id}");
        Assert.NotNull(second.Headers.Age); // served from the page cache
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.DoesNotContain("class=\"elder\"", await second.Content.ReadAsStringAsync());

        using var elder = factory.PageClient();
        elder.DefaultRequestHeaders.Add("Cookie", "kepu_elder=1");
        Assert.Contains("<html lang=\"zh-CN\" class=\"elder\">", await elder.GetStringAsync($"/contents/{id}"));

        using var reader = factory.PageClient();
        await reader.LoginAsync("citizen");
        Assert.Contains("我读完了", await reader.GetStringAsync($"/contents/{id}"));
        Assert.DoesNotContain("我读完了", await anonymous.GetStringAsync($"/contents/{id}"));
    }

    [Fact]
    public async Task ScheduledPublish_GoesLiveWhenDue()
    {
        using var org = await factory.ApiClientAsync("org");
        var id = await CreateAsync(org, Article("定时发布的测试文章"));
        await org.PostAsync($"/api/v1/contents/{id}/submit", null);
        using var expert = await factory.ApiClientAsync("expert");
        await expert.PostAsJsonAsync($"/api/v1/contents/{id}/review", new { approve = true });
        using var editor = await factory.ApiClientAsync("editor");
        var at = DateTime.UtcNow.AddSeconds(2);
        Assert.Equal(HttpStatusCode.NoContent, (await editor.PostAsJsonAsync($"/api/v1/contents/{id}/publish", new { at })).StatusCode);
        Assert.Equal("scheduled", (await editor.GetFromJsonAsync<JsonElement>($"/api/v1/contents/{id}")).GetProperty("status").GetString());

        await Task.Delay(TimeSpan.FromSeconds(2.5));
        var publisher = factory.Services.GetRequiredService<Kepu.Web.Features.Library.ScheduledPublisher>();
        await publisher.PublishDueAsync(CancellationToken.None);

        using var anonymous = factory.CreateClient();
        Assert.Equal("published", (await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/contents/{id}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Topics_AreTheTaxonomyOfTheDesign()
    {
        using var client = factory.CreateClient();
        var topics = await client.GetFromJsonAsync<JsonElement[]>("/api/v1/topics");

        Assert.Equal(["健康", "安全", "数字生活", "农业农村", "前沿科技", "生态环境", "科学精神与科学家"], topics!.Select(t => t.GetProperty("name").GetString()!).ToArray());
        Assert.Contains("防范电信诈骗", topics![1].GetProperty("children").EnumerateArray().Select(c => c.GetString()));
    }
}
