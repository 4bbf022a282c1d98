using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kepu.Tests.Infrastructure;
using Kepu.Web.Features.Accounts.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Kepu.Tests.Features.Contests;

/// <summary>A host on a moving clock with helpers for contests: experts, verified voters, and a call whose phases start today.</summary>
public sealed class ContestsFixture : ClockedFactory
{
    public static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A new account with the 专家 role (the demo has only one expert without Demo:Content).</summary>
    public async Task<string> NewExpertAsync(string prefix)
    {
        var name = await NewCitizenNameAsync(prefix, "500103", "public");
        await using var scope = Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByNameAsync(name);
        Assert.True((await users.AddToRoleAsync(user!, Roles.Expert)).Succeeded);
        return name;
    }

    public async Task<string> UserIdAsync(string userName)
    {
        await using var scope = Scope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(userName))!.Id;
    }

    /// <summary>实名核验 by the administrator, through the API.</summary>
    public async Task VerifyAsync(string userName)
    {
        using var admin = await this.ApiClientAsync("admin");
        var response = await admin.PutAsJsonAsync($"/api/v1/accounts/{await UserIdAsync(userName)}/verification", new { verified = true });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>
    /// A creation call: collection today to day 2, voting days 3–12, 初评 days 3–7, 终评 days 8–12, 公示 days 13–16, 公布 day 17.
    /// Criteria 科学性 40 / 创新性 30 / 传播性 30, scored 0–10; awards 一等奖 1, 二等奖 2.
    /// </summary>
    public object Call(string title, bool voting = true, object? extra = null)
    {
        var t = Today;
        var phases = new List<object>
        {
            new { code = "collect", startsOn = Day(t), endsOn = Day(t.AddDays(2)) },
            new { code = "round1", startsOn = Day(t.AddDays(3)), endsOn = Day(t.AddDays(7)) },
            new { code = "round2", startsOn = Day(t.AddDays(8)), endsOn = Day(t.AddDays(12)) },
            new { code = "publicity", startsOn = Day(t.AddDays(13)), endsOn = Day(t.AddDays(16)) },
            new { code = "publish", startsOn = Day(t.AddDays(17)), endsOn = Day(t.AddDays(17)) },
        };
        if (voting)
        {
            phases.Add(new { code = "vote", startsOn = Day(t.AddDays(3)), endsOn = Day(t.AddDays(12)) });
        }

        var call = new Dictionary<string, object?>
        {
            ["kind"] = "creation",
            ["title"] = title,
            ["summary"] = "征集原创科普短视频和动漫，讲清楚身边的科学。",
            ["organizer"] = "重庆市科学技术协会",
            ["categories"] = new[] { "短视频", "动漫" },
            ["entrantKinds"] = new[] { "individual", "team" },
            ["voteWeight"] = voting ? 0.2 : 0,
            ["phases"] = phases,
            ["criteria"] = new[]
            {
                new { name = "科学性", guidance = "准确", weight = 40, min = 0, max = 10 },
                new { name = "创新性", guidance = "新意", weight = 30, min = 0, max = 10 },
                new { name = "传播性", guidance = "通俗", weight = 30, min = 0, max = 10 },
            },
            ["awards"] = new[] { new { name = "一等奖", count = 1, fundingYuan = 20000 }, new { name = "二等奖", count = 2, fundingYuan = 10000 } },
        };
        if (extra is not null)
        {
            foreach (var p in extra.GetType().GetProperties())
            {
                call[p.Name] = p.GetValue(extra);
            }
        }

        return call;
    }

    public static async Task<int> OpenCallAsync(HttpClient editor, object call)
    {
        var created = await editor.PostAsJsonAsync("/api/v1/contests", call);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await editor.PostAsync($"/api/v1/contests/{id}/open", null)).StatusCode);
        return id;
    }

    public static object Entry(string title, string category = "短视频", string kind = "individual", object[]? authors = null, string[]? links = null) => new
    {
        entrantKind = kind,
        entrantName = kind == "team" ? "山城科普小组" : null,
        title,
        category,
        description = $"《{title}》用三分钟讲清楚一个生活中的科学道理，适合社区居民观看。",
        links = links ?? ["https://video.example.cn/v/" + Guid.NewGuid().ToString("N")[..8]],
        authors = authors ?? [],
        declaration = true,
    };
}
