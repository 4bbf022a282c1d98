using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Kepu.Tests.Infrastructure;

namespace Kepu.Tests.Features.Accounts;

public sealed class AuthApiTests(KepuFactory factory) : IClassFixture<KepuFactory>
{
    [Fact]
    public async Task Token_ReturnsBearerToken_ThatOpensMe()
    {
        using var client = factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "citizen", password = KepuFactory.DemoPassword });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(token.GetProperty("expiresIn").GetInt64() > 0);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal("citizen", me.GetProperty("userName").GetString());
        Assert.Equal("500101", me.GetProperty("district").GetString());
        Assert.Equal(["elderly"], me.GetProperty("audiences").EnumerateArray().Select(a => a.GetString()!).ToArray());
    }

    [Fact]
    public async Task Me_WithoutToken_Is401Problem()
    {
        using var client = factory.CreateClient();
        var response = await client.GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("未登录", (await response.ProblemAsync()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Me_WithGarbageToken_Is401()
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Token_WrongPassword_Is401_InChinese()
    {
        using var client = factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "editor", password = "wrong-password-1" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("不正确", (await response.ProblemAsync()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task FiveWrongPasswords_LockTheAccount_EvenForTheRightPassword()
    {
        using (var register = factory.CreateClient())
        {
            var created = await register.PostAsJsonAsync("/api/v1/auth/register", new { userName = "lock_me", password = "Right-pass-1", audiences = new[] { "public" }, district = "500103" });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        using var client = factory.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "lock_me", password = $"Wrong-pass-{i}" });
            Assert.NotEqual(HttpStatusCode.OK, wrong.StatusCode);
        }

        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "lock_me", password = "Right-pass-1" });
        Assert.Equal(HttpStatusCode.Locked, response.StatusCode);
        Assert.Contains("锁定", (await response.ProblemAsync()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task DistrictAdmin_SeesOwnDistrict_But403ForAnother()
    {
        using var district = await factory.ApiClientAsync("district");

        var own = await district.GetAsync("/api/v1/districts/500242/accounts");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("500242", (await own.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("district").GetString());

        var other = await district.GetAsync("/api/v1/districts/500101/accounts");
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Contains("本区县", (await other.ProblemAsync()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task DistrictFigures_CountRegisteredPeople_ForAdmin()
    {
        using var admin = await factory.ApiClientAsync("admin");
        var figures = await admin.GetFromJsonAsync<JsonElement>("/api/v1/districts/500101/accounts");

        Assert.True(figures.GetProperty("registered").GetInt32() >= 1);
        Assert.True(figures.GetProperty("byAudience").GetProperty("elderly").GetInt32() >= 1);
    }

    [Theory]
    [InlineData("citizen", "/api/v1/admin/users")]
    [InlineData("editor", "/api/v1/admin/organizations")]
    [InlineData("citizen", "/api/v1/districts/500242/accounts")]
    [InlineData("expert", "/api/v1/districts/500101/changes")]
    public async Task WrongRole_Is403(string user, string path)
    {
        using var client = await factory.ApiClientAsync(user);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task RoleChange_RevokesOldTokens()
    {
        using (var register = factory.CreateClient())
        {
            await register.PostAsJsonAsync("/api/v1/auth/register", new { userName = "promote_me", password = "Right-pass-1", audiences = new[] { "public" }, district = "500103" });
        }

        using var user = await factory.ApiClientAsync("promote_me", "Right-pass-1");
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/api/v1/me")).StatusCode);

        using var admin = await factory.ApiClientAsync("admin");
        var list = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/users?q=promote_me");
        var id = list.GetProperty("rows")[0].GetProperty("id").GetString();
        var set = await admin.PutAsJsonAsync($"/api/v1/admin/users/{id}/roles", new { roles = new[] { "Citizen", "DistrictAdmin" }, managedDistrict = "500243" });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await user.GetAsync("/api/v1/me")).StatusCode);
        using var fresh = await factory.ApiClientAsync("promote_me", "Right-pass-1");
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/api/v1/districts/500243/accounts")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await fresh.GetAsync("/api/v1/districts/500242/accounts")).StatusCode);
    }

    [Fact]
    public async Task DistrictAdminRole_WithoutDistrict_Is400()
    {
        using var admin = await factory.ApiClientAsync("admin");
        var list = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/users?q=expert");
        var id = list.GetProperty("rows")[0].GetProperty("id").GetString();

        var response = await admin.PutAsJsonAsync($"/api/v1/admin/users/{id}/roles", new { roles = new[] { "DistrictAdmin" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ProblemAsync()).GetProperty("errors").TryGetProperty("managedDistrict", out _));
    }
}
