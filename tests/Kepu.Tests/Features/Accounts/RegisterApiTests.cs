using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kepu.Tests.Infrastructure;
using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Accounts.Entities;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Tests.Features.Accounts;

public sealed class RegisterApiTests(KepuFactory factory) : IClassFixture<KepuFactory>
{
    private Task<int> UserCountAsync() => factory.QueryAsync(db => db.Set<AppUser>().CountAsync());

    [Fact]
    public async Task Register_TheIssueExample_Is201_WithRoleAndConsent()
    {
        using var client = factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/register",
            new { userName = "youyang_grandma", password = "Pass-2026-ok", audiences = new[] { "elderly" }, district = "500242" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("youyang_grandma", body.GetProperty("userName").GetString());

        using var me = await factory.ApiClientAsync("youyang_grandma", "Pass-2026-ok");
        var profile = await me.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal("500242", profile.GetProperty("district").GetString());
        Assert.Equal("酉阳土家族苗族自治县", profile.GetProperty("districtName").GetString());
        Assert.Equal(["Citizen"], profile.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray());
        Assert.Equal(["elderly"], profile.GetProperty("audiences").EnumerateArray().Select(r => r.GetString()!).ToArray());

        var id = body.GetProperty("id").GetString();
        var consent = await factory.QueryAsync(db => db.Set<PrivacyConsent>().SingleAsync(c => c.UserId == id));
        Assert.Equal(PrivacyNotice.CurrentVersion, consent.Version);
        Assert.Equal("api", consent.Channel);
        Assert.True(DateTime.UtcNow - consent.AcceptedAt < TimeSpan.FromMinutes(5));
    }

    public static TheoryData<string, string> BadInputs => new()
    {
        { """{"userName":"unknown_district","password":"Pass-2026-ok","audiences":["elderly"],"district":"500999"}""", "district" },
        { """{"userName":"admin","password":"Pass-2026-ok","audiences":["elderly"],"district":"500242"}""", "userName" },
        { $$"""{"userName":"{{new string('长', 40)}}","password":"Pass-2026-ok","audiences":["elderly"],"district":"500242"}""", "userName" },
        { """{"userName":"bell\u0007name","password":"Pass-2026-ok","audiences":["elderly"],"district":"500242"}""", "userName" },
        { """{"userName":"<script>alert(1)</script>","password":"Pass-2026-ok","audiences":["elderly"],"district":"500242"}""", "userName" },
        { """{"userName":"nice_name","displayName":"<img src=x onerror=alert(1)>","password":"Pass-2026-ok","audiences":["elderly"],"district":"500242"}""", "displayName" },
        { """{"userName":"nice_name","displayName":"tab\tname","password":"Pass-2026-ok","audiences":["elderly"],"district":"500242"}""", "displayName" },
        { """{"userName":"nice_name","password":"short1","audiences":["elderly"],"district":"500242"}""", "password" },
        { """{"userName":"nice_name","password":"nodigitsatall","audiences":["elderly"],"district":"500242"}""", "password" },
        { """{"userName":"nice_name","password":"Pass-2026-ok","audiences":["aliens"],"district":"500242"}""", "audiences" },
        { """{"userName":"nice_name","password":"Pass-2026-ok","audiences":[],"district":"500242"}""", "audiences" },
        { """{"userName":"nice_name","password":"Pass-2026-ok","audiences":["elderly"],"district":"500242","town":"500101001"}""", "town" },
        { """{"userName":"nice_name","password":"Pass-2026-ok","audiences":["elderly"],"district":"500242","privacyVersion":"2019-01"}""", "privacyVersion" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Register_BadInput_Is400_WithChineseFieldError_AndStoresNothing(string json, string field)
    {
        var before = await UserCountAsync();
        using var client = factory.CreateClient();

        var response = await client.PostAsync("/api/v1/auth/register", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", problem.GetProperty("detail").GetString()!);
        var message = problem.GetProperty("errors").GetProperty(field)[0].GetString()!;
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", message);
        Assert.Equal(before, await UserCountAsync());
    }

    [Fact]
    public async Task Register_MalformedJson_Is400_InChinese()
    {
        using var client = factory.CreateClient();
        var response = await client.PostAsync("/api/v1/auth/register", new StringContent("{\"userName\":", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Contains("无法解析", problem.GetProperty("detail").GetString());
    }
}
