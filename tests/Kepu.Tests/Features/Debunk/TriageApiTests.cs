using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kepu.Tests.Infrastructure;

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
}
