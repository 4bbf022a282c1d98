using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kepu.Tests.Infrastructure;
using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Features.Debunk.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kepu.Tests.Features.Debunk;

public sealed class TriageApiTests(DebunkFixture factory) : IClassFixture<DebunkFixture>
{
    [Fact]
    public async Task Editor_Assigns_Expert_PublishesVerdict_SubmitterSeesIt_AndTheNextOneIsAnswered()
    {
        const string rumour = "听说用生姜水泡脚能彻底治好糖尿病，连药都不用吃了";
        using var anonymous = factory.CreateClient();
        var receipt = await (await anonymous.PostAsJsonAsync("/api/v1/claims", new { text = rumour, district = "500242" })).Content.ReadFromJsonAsync<JsonElement>();
        var code = receipt.GetProperty("trackingCode").GetString();

        using var editor = await factory.ApiClientAsync("editor");
        var clusters = await editor.GetFromJsonAsync<JsonElement>("/api/v1/debunk/clusters?state=new");
        var cluster = clusters.EnumerateArray().Single(c => c.GetProperty("text").GetString() == rumour);
        var id = cluster.GetProperty("id").GetInt32();
        Assert.Equal(1, cluster.GetProperty("count").GetInt32());
        Assert.Equal("新收", cluster.GetProperty("stateLabel").GetString());

        using var expert = await factory.ApiClientAsync("expert");
        var me = await expert.GetFromJsonAsync<JsonElement>("/api/v1/me");
        var expertId = me.GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.BadRequest, (await editor.PostAsJsonAsync($"/api/v1/debunk/clusters/{id}/assign", new { category = "健康医疗", experts = Array.Empty<string>() })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await expert.PostAsJsonAsync($"/api/v1/debunk/clusters/{id}/assign", new { category = "健康医疗", experts = new[] { expertId } })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await editor.PostAsJsonAsync($"/api/v1/debunk/clusters/{id}/assign", new { category = "健康医疗", experts = new[] { expertId } })).StatusCode);
        Assert.Equal("已分派", (await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/claims/{code}")).GetProperty("statusLabel").GetString());

        var mine = await expert.GetFromJsonAsync<JsonElement>("/api/v1/debunk/clusters");
        Assert.Contains(mine.EnumerateArray(), c => c.GetProperty("id").GetInt32() == id);
        Assert.Equal(HttpStatusCode.NoContent, (await expert.PostAsync($"/api/v1/debunk/clusters/{id}/start", null)).StatusCode);
        Assert.Equal("核查中", (await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/claims/{code}")).GetProperty("statusLabel").GetString());

        var verdict = await expert.PostAsJsonAsync($"/api/v1/debunk/clusters/{id}/verdict", new
        {
            claim = "生姜水泡脚能治好糖尿病",
            verdict = "rumor",
            conclusion = "泡脚不能降血糖，更不能代替药物；糖尿病人泡脚还要防烫伤。",
            title = "生姜水泡脚治不了糖尿病",
            body = "糖尿病需要饮食、运动和药物综合管理。\n\n糖尿病人脚部感觉迟钝，水温过高容易烫伤。",
            sources = new[] { new { title = "中国2型糖尿病防治指南", publisher = "中华医学会糖尿病学分会" } },
        });
        Assert.Equal(HttpStatusCode.Created, verdict.StatusCode);

        var status = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/claims/{code}");
        Assert.Equal("已发布", status.GetProperty("statusLabel").GetString());
        Assert.Equal("谣言", status.GetProperty("verdictLabel").GetString());
        var published = (await editor.GetFromJsonAsync<JsonElement>("/api/v1/debunk/clusters?state=published")).EnumerateArray().Single(c => c.GetProperty("id").GetInt32() == id);
        Assert.True(published.GetProperty("hoursToVerdict").GetDouble() >= 0);

        var again = await (await anonymous.PostAsJsonAsync("/api/v1/claims", new { text = "群里说：用生姜水泡脚能治好糖尿病，大家试试" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("answered", again.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Citizens_CannotTriage_AndRejectingNeedsAReason()
    {
        using var anonymous = factory.CreateClient();
        await anonymous.PostAsJsonAsync("/api/v1/claims", new { text = "今晚十二点整所有手机都会自动关机重启，不要惊慌" });
        using var citizen = await factory.ApiClientAsync("citizen");
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.GetAsync("/api/v1/debunk/clusters")).StatusCode);

        using var editor = await factory.ApiClientAsync("editor");
        var id = (await editor.GetFromJsonAsync<JsonElement>("/api/v1/debunk/clusters?state=new")).EnumerateArray()
            .Single(c => c.GetProperty("text").GetString()!.StartsWith("今晚十二点", StringComparison.Ordinal)).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.Conflict, (await editor.PostAsJsonAsync($"/api/v1/debunk/clusters/{id}/reject", new { reason = "" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await editor.PostAsJsonAsync($"/api/v1/debunk/clusters/{id}/reject", new { reason = "不属于科学问题" })).StatusCode);
        using var expert = await factory.ApiClientAsync("expert");
        Assert.Equal(HttpStatusCode.Conflict, (await expert.PostAsync($"/api/v1/debunk/clusters/{id}/start", null)).StatusCode);
    }

    /// <summary>An expert account with only the given disciplines (the demo expert covers every topic).</summary>
    private async Task<string> ExpertAsync(string userName, params string[] disciplines)
    {
        await using var scope = factory.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByNameAsync(userName) is { } existing)
        {
            return existing.Id;
        }

        var user = new AppUser { UserName = userName, DisplayName = userName, Disciplines = [.. disciplines] };
        Assert.True((await users.CreateAsync(user, KepuFactory.DemoPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Expert)).Succeeded);
        return user.Id;
    }

    private async Task<int> NewClusterAsync(string text)
    {
        using var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Accepted, (await anonymous.PostAsJsonAsync("/api/v1/claims", new { text })).StatusCode);
        using var editor = await factory.ApiClientAsync("editor");
        return (await editor.GetFromJsonAsync<JsonElement>("/api/v1/debunk/clusters")).EnumerateArray()
            .Single(c => c.GetProperty("text").GetString() == text).GetProperty("id").GetInt32();
    }

    [Fact]
    public async Task Clusters_GoOnlyToExpertsWhoseDisciplinesCoverTheCategory_AndExpertsSeeOnlyTheirs()
    {
        var farming = await ExpertAsync("expert-farming", "农业农村");
        var health = await ExpertAsync("expert-health", "合理用药");
        var id = await NewClusterAsync("邻居说给果树打了那种新农药以后，摘下来的桃子吃了会让人不孕不育");
        var other = await NewClusterAsync("据说把手机放在米缸里过一夜，手机的电池就能恢复到出厂时的容量");
        using var editor = await factory.ApiClientAsync("editor");

        var refused = await editor.PostAsJsonAsync($"/api/v1/debunk/clusters/{id}/assign", new { category = "健康医疗", experts = new[] { farming } });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.ProblemAsync();
        Assert.Contains("不含“健康医疗”", problem.GetProperty("errors").GetProperty("experts")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("新收", (await editor.GetFromJsonAsync<JsonElement>("/api/v1/debunk/clusters")).EnumerateArray()
            .Single(c => c.GetProperty("id").GetInt32() == id).GetProperty("stateLabel").GetString());

        // 合理用药 is under 健康 in the taxonomy, which is not the whole of 健康: not enough for 健康医疗.
        Assert.Equal(HttpStatusCode.BadRequest, (await editor.PostAsJsonAsync($"/api/v1/debunk/clusters/{id}/assign", new { category = "健康医疗", experts = new[] { health } })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await editor.PostAsJsonAsync($"/api/v1/debunk/clusters/{id}/assign", new { category = "农业农村", experts = new[] { farming } })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await editor.PostAsJsonAsync($"/api/v1/debunk/clusters/{other}/assign", new { category = "其他", experts = new[] { health } })).StatusCode);

        using var farmer = await factory.ApiClientAsync("expert-farming");
        var mine = (await farmer.GetFromJsonAsync<JsonElement>("/api/v1/debunk/clusters")).EnumerateArray().Select(c => c.GetProperty("id").GetInt32()).ToList();
        Assert.Equal([id], mine);
        Assert.Equal(HttpStatusCode.Forbidden, (await farmer.PostAsync($"/api/v1/debunk/clusters/{other}/start", null)).StatusCode);
    }

    [Fact]
    public async Task IdenticalNewRumours_SentAtOnce_OpenOneCluster()
    {
        const string rumour = "紧急扩散：明天起本市自来水里要加一种新的消毒药，喝了会伤肾，赶快在家里多存些水";
        var sends = Enumerable.Range(0, 12).Select(async i =>
        {
            using var client = factory.CreateClient();
            var response = await client.PostAsJsonAsync("/api/v1/claims", new { text = i % 2 == 0 ? rumour : rumour + "！！", district = "500101" });
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        });
        await Task.WhenAll(sends);
        var clusters = await factory.QueryAsync(db => db.Set<ClaimCluster>().Where(c => c.Text.StartsWith("紧急扩散：明天起本市自来水")).ToListAsync());
        var cluster = Assert.Single(clusters);
        Assert.Equal(12, cluster.Count);
    }

    [Fact]
    public async Task ARejectedRumour_RaisedAgain_OpensANewCluster()
    {
        const string rumour = "有人说晚上对着月亮许愿超过三次，第二天彩票中奖的机会就会变大";
        var id = await NewClusterAsync(rumour);
        using var editor = await factory.ApiClientAsync("editor");
        Assert.Equal(HttpStatusCode.NoContent, (await editor.PostAsJsonAsync($"/api/v1/debunk/clusters/{id}/reject", new { reason = "不属于科学问题" })).StatusCode);
        using var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Accepted, (await anonymous.PostAsJsonAsync("/api/v1/claims", new { text = rumour })).StatusCode);
        var clusters = await factory.QueryAsync(db => db.Set<ClaimCluster>().Where(c => c.Text == rumour).OrderBy(c => c.Id).ToListAsync());
        Assert.Equal(2, clusters.Count);
        Assert.Equal([ClusterStates.Rejected, ClusterStates.New], clusters.Select(c => c.State));
    }
}
