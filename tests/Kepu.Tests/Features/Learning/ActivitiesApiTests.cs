using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kepu.Tests.Infrastructure;
using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Features.Learning.Entities;
using Kepu.Web.Infrastructure.Cli;
using Kepu.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kepu.Tests.Features.Learning;

/// <summary>科普学分与工作实绩 through the API: recorded, reviewed by the chosen organisation or supervisor, granted on the ledger.</summary>
public sealed class ActivitiesApiTests(KepuFactory factory) : IClassFixture<KepuFactory>
{
    private const string Api = "/api/v1/learning/activities";

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    private Task<string> UserIdAsync(string userName) => factory.QueryAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());

    /// <summary>Makes the person a plain member of the demo organisation (the demo user "org" manages it); returns the organisation's id.</summary>
    private async Task<int> JoinDemoOrganizationAsync(string userName)
    {
        var userId = await UserIdAsync(userName);
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var org = await db.Set<Organization>().Include(o => o.Members).SingleAsync(o => o.Name == AccountSeeder.DemoOrganization);
        if (org.Members.All(m => m.UserId != userId))
        {
            org.AddMember(userId, isManager: false, DateTime.UtcNow);
            await db.SaveChangesAsync();
        }

        return org.Id;
    }

    private static object Lecture(string title, int? organizationId = null, string? supervisor = null, decimal hours = 3) => new
    {
        kind = "lecture",
        title,
        date = Today.AddDays(-3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        place = "万州区太白街道社区活动室",
        audience = 120,
        hours,
        evidence = "https://example.org/news/lecture-photos",
        organizationId,
        supervisor,
    };

    private static async Task<JsonElement> CreatedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<(int Exit, string Out)> VerifyLedgerAsync()
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exit = await CommandLine.RunAsync(factory.Services, ["ledger", "verify"], new StringReader(""), output, errors);
        return (exit, output + errors.ToString());
    }

    [Fact]
    public async Task CitizenRecordsALecture_TheOrganisationManagerApprovesIt_CreditsAreGrantedOnTheLedger()
    {
        var org = await JoinDemoOrganizationAsync("citizen");
        using var citizen = await factory.ApiClientAsync("citizen");
        var created = await CreatedAsync(await citizen.PostAsJsonAsync(Api, Lecture("防范电信诈骗讲座", org)));
        var id = created.GetProperty("id").GetInt32();
        Assert.Equal("待审核", created.GetProperty("stateLabel").GetString());
        Assert.Equal(AccountSeeder.DemoOrganization, created.GetProperty("organizationName").GetString());
        Assert.Contains((await citizen.GetFromJsonAsync<JsonElement>($"{Api}/mine")).EnumerateArray(), a => a.GetProperty("id").GetInt32() == id);

        using var manager = await factory.ApiClientAsync("org");
        var queue = await manager.GetFromJsonAsync<JsonElement>($"{Api}/review");
        var item = queue.EnumerateArray().Single(a => a.GetProperty("id").GetInt32() == id);
        Assert.True(item.GetProperty("canReview").GetBoolean());
        Assert.Equal("万州老人", item.GetProperty("ownerName").GetString());

        // More hours than claimed cannot be granted; 2 of the 3 claimed are.
        var tooMany = await manager.PostAsJsonAsync($"{Api}/{id}/approve", new { hours = 4 });
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.True((await tooMany.ProblemAsync()).GetProperty("errors").TryGetProperty("hours", out _));
        var approved = await (await manager.PostAsJsonAsync($"{Api}/{id}/approve", new { hours = 2 })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("已认定", approved.GetProperty("stateLabel").GetString());
        Assert.Equal(2m, approved.GetProperty("grantedHours").GetDecimal());
        Assert.Equal(1m, approved.GetProperty("grantedCredits").GetDecimal());
        Assert.Equal("机构联络员", approved.GetProperty("reviewerName").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await manager.PostAsJsonAsync($"{Api}/{id}/approve", new { hours = 2 })).StatusCode);

        // The grant's ledger record names the activity, and the chain is still whole.
        var sequence = approved.GetProperty("ledgerSequence").GetInt64();
        var entry = await factory.QueryAsync(db => db.Set<LedgerEntry>().SingleAsync(e => e.Sequence == sequence));
        Assert.Equal(LedgerKinds.CreditGrant, entry.Kind);
        Assert.Equal(await UserIdAsync("citizen"), entry.Subject);
        var payload = JsonDocument.Parse(entry.Payload).RootElement;
        Assert.Equal(id, payload.GetProperty("activity").GetInt32());
        Assert.Equal("lecture", payload.GetProperty("kind").GetString());
        Assert.Equal("防范电信诈骗讲座", payload.GetProperty("title").GetString());
        Assert.Equal(1m, payload.GetProperty("credits").GetDecimal());
        Assert.Equal(await UserIdAsync("org"), payload.GetProperty("reviewer").GetString());
        var (exit, output) = await VerifyLedgerAsync();
        Assert.True(exit == 0, output);

        // The record and its exports.
        var record = await citizen.GetFromJsonAsync<JsonElement>($"{Api}/record");
        Assert.Contains(record.GetProperty("activities").EnumerateArray(), a => a.GetProperty("id").GetInt32() == id);
        Assert.True(record.GetProperty("credits").GetDecimal() >= 1m);
        var csv = await citizen.GetByteArrayAsync($"{Api}/record.csv");
        Assert.Equal([0xEF, 0xBB, 0xBF], csv[..3]);
        Assert.Contains("\"防范电信诈骗讲座\"", System.Text.Encoding.UTF8.GetString(csv), StringComparison.Ordinal);
        var xlsx = await citizen.GetAsync($"{Api}/record.xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        Assert.Equal("PK"u8.ToArray(), (await xlsx.Content.ReadAsByteArrayAsync())[..2]);
    }

    [Fact]
    public async Task AReturnedActivity_IsEditedByItsOwner_AndResubmitted()
    {
        using var citizen = await factory.ApiClientAsync("citizen");
        var volunteering = new
        {
            kind = "volunteering",
            title = "科技馆周末讲解志愿服务",
            date = Today.AddDays(-10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            place = "重庆科技馆",
            audience = 300,
            hours = 8,
            evidence = "https://example.org/volunteer/record",
            supervisor = "expert",
        };
        var id = (await CreatedAsync(await citizen.PostAsJsonAsync(Api, volunteering))).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.Conflict, (await citizen.PutAsJsonAsync($"{Api}/{id}", volunteering)).StatusCode);

        using var supervisor = await factory.ApiClientAsync("expert");
        var noReason = await supervisor.PostAsJsonAsync($"{Api}/{id}/return", new { reason = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.True((await noReason.ProblemAsync()).GetProperty("errors").TryGetProperty("reason", out _));
        var returned = await (await supervisor.PostAsJsonAsync($"{Api}/{id}/return", new { reason = "请补充服务时长证明（志愿者平台截图）。" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("已退回", returned.GetProperty("stateLabel").GetString());
        var mine = (await citizen.GetFromJsonAsync<JsonElement>($"{Api}/mine")).EnumerateArray().Single(a => a.GetProperty("id").GetInt32() == id);
        Assert.True(mine.GetProperty("canEdit").GetBoolean());
        Assert.Equal("请补充服务时长证明（志愿者平台截图）。", mine.GetProperty("returnReason").GetString());

        // Only the owner edits; the edit is checked like a new record, then goes back for review.
        using var editor = await factory.ApiClientAsync("editor");
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.PutAsJsonAsync($"{Api}/{id}", volunteering)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await citizen.PutAsJsonAsync($"{Api}/{id}", volunteering with { hours = 0 })).StatusCode);
        var resubmitted = await citizen.PutAsJsonAsync($"{Api}/{id}", volunteering with { hours = 6, evidence = "https://example.org/volunteer/record-with-hours" });
        Assert.Equal(HttpStatusCode.OK, resubmitted.StatusCode);
        var again = await resubmitted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("待审核", again.GetProperty("stateLabel").GetString());
        Assert.Equal(2, again.GetProperty("submissions").GetInt32());

        // Approved as claimed when no hours are given: 6 hours of volunteering make 1.5 credits (4 hours a credit).
        var approved = await (await supervisor.PostAsJsonAsync($"{Api}/{id}/approve", new { })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(6m, approved.GetProperty("grantedHours").GetDecimal());
        Assert.Equal(1.5m, approved.GetProperty("grantedCredits").GetDecimal());
        Assert.Equal(HttpStatusCode.Conflict, (await citizen.PutAsJsonAsync($"{Api}/{id}", volunteering)).StatusCode);
    }

    [Fact]
    public async Task AStrangerCannotReview_AndNobodyApprovesTheirOwn()
    {
        var org = await JoinDemoOrganizationAsync("citizen");
        using var citizen = await factory.ApiClientAsync("citizen");
        var id = (await CreatedAsync(await citizen.PostAsJsonAsync(Api, Lecture("家庭用电安全", org)))).GetProperty("id").GetInt32();

        using var editor = await factory.ApiClientAsync("editor");
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.PostAsJsonAsync($"{Api}/{id}/approve", new { hours = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.PostAsJsonAsync($"{Api}/{id}/return", new { reason = "不认识" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync($"{Api}/{id}")).StatusCode);
        Assert.DoesNotContain((await editor.GetFromJsonAsync<JsonElement>($"{Api}/review?state=all")).EnumerateArray(), a => a.GetProperty("id").GetInt32() == id);
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.PostAsJsonAsync($"{Api}/{id}/approve", new { hours = 1 })).StatusCode);

        // The organisation's manager records their own work with their organisation: they cannot approve it; an administrator can.
        using var manager = await factory.ApiClientAsync("org");
        var own = (await CreatedAsync(await manager.PostAsJsonAsync(Api, Lecture("机构开放日科普讲解", org)))).GetProperty("id").GetInt32();
        Assert.DoesNotContain((await manager.GetFromJsonAsync<JsonElement>($"{Api}/review")).EnumerateArray(), a => a.GetProperty("id").GetInt32() == own);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostAsJsonAsync($"{Api}/{own}/approve", new { hours = 1 })).StatusCode);
        using var admin = await factory.ApiClientAsync("admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"{Api}/{own}/approve", new { hours = 1 })).StatusCode);
        var admins = await admin.PostAsJsonAsync(Api, Lecture("管理员自己的讲座", supervisor: "org"));
        var adminsId = (await CreatedAsync(admins)).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostAsJsonAsync($"{Api}/{adminsId}/approve", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync($"{Api}/mine")).StatusCode);
    }

    [Fact]
    public async Task BadInput_IsRefusedWithFieldErrors_AndNothingIsWritten()
    {
        using var citizen = await factory.ApiClientAsync("citizen");
        var before = await factory.QueryAsync(db => db.Set<ScienceActivity>().CountAsync());

        var response = await citizen.PostAsJsonAsync(Api, new
        {
            kind = "party",
            title = "",
            date = Today.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            place = "社区",
            audience = -5,
            hours = 0.3,
            evidence = "ftp://example.org/photo.jpg",
            supervisor = "expert",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ProblemAsync()).GetProperty("errors");
        foreach (var field in new[] { "kind", "title", "date", "audience", "hours", "evidence" })
        {
            Assert.True(errors.TryGetProperty(field, out var messages), field);
            Assert.False(string.IsNullOrEmpty(messages[0].GetString()));
        }

        Assert.False(errors.TryGetProperty("place", out _));
        Assert.Contains("晚于今天", errors.GetProperty("date")[0].GetString(), StringComparison.Ordinal);

        // An upload address that was never uploaded, an organisation one is not in, nobody to review, an unknown or own supervisor.
        var org = await factory.QueryAsync(db => db.Set<Organization>().Where(o => o.Name != AccountSeeder.DemoOrganization).Select(o => o.Id).FirstAsync());
        var date = Today.AddDays(-30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (body, field) in new (object Body, string Field)[]
        {
            (new { kind = "lecture", title = "讲座题目", date, place = "社区", audience = 10, hours = 1, evidence = "/media/" + new string('a', 64) + ".jpg", supervisor = "expert" }, "evidence"),
            (new { kind = "lecture", title = "讲座题目", date, place = "社区", audience = 10, hours = 1, evidence = "https://example.org/a", organizationId = org }, "organizationId"),
            (new { kind = "lecture", title = "讲座题目", date, place = "社区", audience = 10, hours = 1, evidence = "https://example.org/a" }, "organizationId"),
            (new { kind = "lecture", title = "讲座题目", date, place = "社区", audience = 10, hours = 1, evidence = "https://example.org/a", supervisor = "nobody-here" }, "supervisor"),
            (new { kind = "lecture", title = "讲座题目", date, place = "社区", audience = 10, hours = 1, evidence = "https://example.org/a", supervisor = "citizen" }, "supervisor"),
            (new { kind = "lecture", title = "<script>x</script>", date, place = "社区", audience = 10, hours = 1, evidence = "javascript:alert(1)", supervisor = "expert" }, "evidence"),
        })
        {
            var refused = await citizen.PostAsJsonAsync(Api, body);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.True((await refused.ProblemAsync()).GetProperty("errors").TryGetProperty(field, out _), field);
        }

        Assert.Equal(before, await factory.QueryAsync(db => db.Set<ScienceActivity>().CountAsync()));
        Assert.Equal(HttpStatusCode.BadRequest, (await citizen.GetAsync($"{Api}/review?state=nonsense")).StatusCode);
    }
}
