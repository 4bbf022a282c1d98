using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kepu.Tests.Infrastructure;
using Kepu.Web.Features.Accounts.Entities;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Tests.Features.Accounts;

public sealed class PrivacyTests(KepuFactory factory) : IClassFixture<KepuFactory>
{
    private async Task<string> RegisterAsync(string userName)
    {
        using var client = factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/register", new
        {
            userName, password = "Right-pass-1", displayName = "张阿姨", audiences = new[] { "elderly", "farmers" }, district = "500242", interests = new[] { "health" },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task MyData_Api_ContainsProfileAndConsent()
    {
        await RegisterAsync("export_me");
        using var client = await factory.ApiClientAsync("export_me", "Right-pass-1");

        var response = await client.GetAsync("/api/v1/me/data");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("张阿姨", text); // not escaped as \u5F20
        var data = JsonDocument.Parse(text).RootElement;
        Assert.Equal("export_me", data.GetProperty("profile").GetProperty("userName").GetString());
        Assert.Equal(["health"], data.GetProperty("profile").GetProperty("interests").EnumerateArray().Select(i => i.GetString()!).ToArray());
        Assert.Single(data.GetProperty("privacyConsents").EnumerateArray());
    }

    [Fact]
    public async Task DeleteAccount_AnonymisesPersonalData_KeepsStatistics_AndEndsAccess()
    {
        var id = await RegisterAsync("delete_me");
        using var client = await factory.ApiClientAsync("delete_me", "Right-pass-1");

        var wrong = new HttpRequestMessage(HttpMethod.Delete, "/api/v1/me") { Headers = { { "X-Confirm-Password", "nope" } } };
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(wrong)).StatusCode);

        var delete = new HttpRequestMessage(HttpMethod.Delete, "/api/v1/me") { Headers = { { "X-Confirm-Password", "Right-pass-1" } } };
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(delete)).StatusCode);

        // The old token no longer works, and the name can no longer sign in.
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);
        using var anon = factory.CreateClient();
        var token = await anon.PostAsJsonAsync("/api/v1/auth/token", new { userName = "delete_me", password = "Right-pass-1" });
        Assert.Equal(HttpStatusCode.Unauthorized, token.StatusCode);

        var row = await factory.QueryAsync(db => db.Set<AppUser>().SingleAsync(u => u.Id == id));
        Assert.NotNull(row.DeletedAt);
        Assert.DoesNotContain("delete_me", row.UserName);
        Assert.DoesNotContain("张阿姨", row.DisplayName ?? "");
        Assert.Null(row.PasswordHash);
        Assert.Empty(row.Interests);
        Assert.Equal("500242", row.DistrictCode);
        Assert.Equal(["elderly", "farmers"], row.Audiences);

        // The user name is free again.
        await RegisterAsync("delete_me");
    }

    [Fact]
    public async Task DeletedAccounts_AreNotCountedAsRegistered()
    {
        using var admin = await factory.ApiClientAsync("admin");
        var before = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/districts/500242/accounts")).GetProperty("registered").GetInt32();
        await RegisterAsync("counted_then_gone");
        using var client = await factory.ApiClientAsync("counted_then_gone", "Right-pass-1");
        var delete = new HttpRequestMessage(HttpMethod.Delete, "/api/v1/me") { Headers = { { "X-Confirm-Password", "Right-pass-1" } } };
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(delete)).StatusCode);

        var after = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/districts/500242/accounts")).GetProperty("registered").GetInt32();
        Assert.Equal(before, after);
    }
}
