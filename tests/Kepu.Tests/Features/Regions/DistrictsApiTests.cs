using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kepu.Tests.Infrastructure;

namespace Kepu.Tests.Features.Regions;

public sealed class DistrictsApiTests(KepuFactory factory) : IClassFixture<KepuFactory>
{
    [Fact]
    public async Task Districts_ReturnsAll38_WithGroupsFlagsAndTownCount()
    {
        using var client = factory.CreateClient();
        var districts = await client.GetFromJsonAsync<JsonElement[]>("/api/v1/districts");

        Assert.Equal(38, districts!.Length);
        Assert.Equal(38, districts.Select(d => d.GetProperty("code").GetString()).Distinct().Count());
        var youyang = districts.Single(d => d.GetProperty("code").GetString() == "500242");
        Assert.Equal("酉阳土家族苗族自治县", youyang.GetProperty("name").GetString());
        Assert.Equal("southeast", youyang.GetProperty("group").GetString());
        Assert.Equal(["remote", "ethnic", "poverty", "oldRevolutionary"], youyang.GetProperty("flags").EnumerateArray().Select(f => f.GetString()!).ToArray());
        Assert.True(youyang.TryGetProperty("townCount", out _));
        var yuzhong = districts.Single(d => d.GetProperty("code").GetString() == "500103");
        Assert.Equal("core", yuzhong.GetProperty("group").GetString());
        Assert.Empty(yuzhong.GetProperty("flags").EnumerateArray());
        Assert.Equal(9, districts.Count(d => d.GetProperty("group").GetString() == "core"));
        Assert.Equal(12, districts.Count(d => d.GetProperty("group").GetString() == "new"));
        Assert.Equal(11, districts.Count(d => d.GetProperty("group").GetString() == "northeast"));
        Assert.Equal(6, districts.Count(d => d.GetProperty("group").GetString() == "southeast"));
        Assert.Equal(["remote", "poverty", "oldRevolutionary"],
            districts.Single(d => d.GetProperty("code").GetString() == "500229").GetProperty("flags").EnumerateArray().Select(f => f.GetString()!).ToArray());
    }

    [Fact]
    public async Task Towns_OfUnknownDistrict_Is404ProblemInChinese()
    {
        using var client = factory.CreateClient();
        var response = await client.GetAsync("/api/v1/districts/999999/towns");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Contains("不存在", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Update_ByAdmin_ChangesFlags_AndRecordsWhoWhenOldAndNew()
    {
        using var admin = await factory.ApiClientAsync("admin");
        var response = await admin.PutAsJsonAsync("/api/v1/districts/500231", new { name = "垫江县", group = "northeast", flags = new[] { "remote", "poverty" } });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var district = await admin.GetFromJsonAsync<JsonElement>("/api/v1/districts/500231");
        Assert.Equal(["remote", "poverty"], district.GetProperty("flags").EnumerateArray().Select(f => f.GetString()!).ToArray());

        var changes = await admin.GetFromJsonAsync<JsonElement[]>("/api/v1/districts/500231/changes");
        var change = Assert.Single(changes!);
        Assert.Equal("flags", change.GetProperty("field").GetString());
        Assert.Equal("remote", change.GetProperty("oldValue").GetString());
        Assert.Equal("remote,poverty", change.GetProperty("newValue").GetString());
        Assert.Equal("admin", change.GetProperty("changedBy").GetString());
        Assert.True(DateTime.UtcNow - change.GetProperty("changedAt").GetDateTime().ToUniversalTime() < TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task Update_WithUnknownFlag_Is400_AndChangesNothing()
    {
        using var admin = await factory.ApiClientAsync("admin");
        var response = await admin.PutAsJsonAsync("/api/v1/districts/500104", new { name = "大渡口区", group = "nowhere", flags = new[] { "volcanic" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.True(problem.GetProperty("errors").TryGetProperty("group", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("flags", out _));
        var district = await admin.GetFromJsonAsync<JsonElement>("/api/v1/districts/500104");
        Assert.Equal("core", district.GetProperty("group").GetString());
        Assert.Empty(await admin.GetFromJsonAsync<JsonElement[]>("/api/v1/districts/500104/changes") ?? []);
    }

    [Theory]
    [InlineData("editor")]
    [InlineData("district")]
    [InlineData("citizen")]
    public async Task Update_ByNonAdmin_Is403(string user)
    {
        using var client = await factory.ApiClientAsync(user);
        var response = await client.PutAsJsonAsync("/api/v1/districts/500101", new { name = "万州区", group = "northeast", flags = Array.Empty<string>() });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Equal("无权操作", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Update_WithoutToken_Is401()
    {
        using var client = factory.CreateClient();
        var response = await client.PutAsJsonAsync("/api/v1/districts/500101", new { name = "万州区", group = "northeast" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
