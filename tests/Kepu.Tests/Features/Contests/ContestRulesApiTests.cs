using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kepu.Tests.Infrastructure;
using Kepu.Web.Features.Accounts.Admin;
using Kepu.Web.Features.Contests.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kepu.Tests.Features.Contests;

/// <summary>Bad input and broken rules get clear Chinese errors and change nothing.</summary>
public sealed class ContestRulesApiTests(ContestsFixture factory) : IClassFixture<ContestsFixture>
{
    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.True(expected == response.StatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.ProblemAsync();
    }

    [Fact]
    public async Task ABadCall_IsRefusedFieldByField_AndOnlyEditorsMayCreateOne()
    {
        var editor = await factory.ApiClientAsync("editor");
        var before = await factory.QueryAsync(db => db.Set<ContestCall>().CountAsync());
        var call = factory.Call("权重不对的征集", voting: false, new
        {
            criteria = new[] { new { name = "科学性", guidance = "", weight = 50, min = 0, max = 10 }, new { name = "创新性", guidance = "", weight = 40, min = 5, max = 5 } },
            voteWeight = 0.3,
            entrantKinds = Array.Empty<string>(),
        });
        var errors = (await ProblemAsync(await editor.PostAsJsonAsync("/api/v1/contests", call), HttpStatusCode.BadRequest)).GetProperty("errors").ToString();
        Assert.Contains("最高分大于最低分", errors);
        Assert.Contains("没有“公众投票”阶段", errors);
        Assert.Contains("申报的主体", errors);

        var weights = factory.Call("权重之和", voting: false, new { criteria = new[] { new { name = "科学性", guidance = "", weight = 60, min = 0, max = 10 } } });
        Assert.Contains("之和须为 100", (await ProblemAsync(await editor.PostAsJsonAsync("/api/v1/contests", weights), HttpStatusCode.BadRequest)).GetProperty("errors").ToString());

        var citizen = await factory.NewCitizenAsync("nobody");
        await ProblemAsync(await citizen.PostAsJsonAsync("/api/v1/contests", factory.Call("不该建成的征集")), HttpStatusCode.Forbidden);
        Assert.Equal(before, await factory.QueryAsync(db => db.Set<ContestCall>().CountAsync()));
    }

    [Fact]
    public async Task ADraft_IsHiddenFromThePublic_AndIneligibleEntrantsAreToldWhy()
    {
        var editor = await factory.ApiClientAsync("editor");
        var draft = await editor.PostAsJsonAsync("/api/v1/contests", factory.Call("草稿征集"));
        var draftId = (await draft.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync($"/api/v1/contests/{draftId}")).StatusCode);

        // 青少年科技创新市长奖-style rules: young people of 万州, aged 10–18, individuals only.
        var callId = await ContestsFixture.OpenCallAsync(editor, factory.Call("青少年创新作品征集", voting: false, new
        {
            kind = "award", categories = new[] { "小发明" }, audiences = new[] { "youth" }, districts = new[] { "500101" }, minAge = 10, maxAge = 18,
            entrantKinds = new[] { "individual" },
        }));
        var farmer = await factory.NewCitizenAsync("farmer", "500242");
        var body = new
        {
            entrantKind = "team", title = "会浇水的花盆", category = "小发明", description = "花盆根据土壤湿度自动浇水，用废旧零件做成，成本二十元。",
            birthDate = ContestsFixture.Day(factory.Today.AddYears(-30)), declaration = false,
        };
        var errors = (await ProblemAsync(await farmer.PostAsJsonAsync($"/api/v1/contests/{callId}/entries", body), HttpStatusCode.BadRequest)).GetProperty("errors");
        var text = errors.ToString();
        Assert.Contains("个人", text);           // entrant kind
        Assert.Contains("青少年", text);         // audience group
        Assert.Contains("指定区县", text);       // district
        Assert.Contains("岁", text);             // age on the last day of collection
        Assert.Contains("原创声明", text);       // declaration
        Assert.Equal(0, await factory.QueryAsync(db => db.Set<ContestEntry>().CountAsync(e => e.CallId == callId)));

        var student = await factory.ApiClientAsync(await factory.NewCitizenNameAsync("student", "500101", "youth"), ClockedFactory.Password);
        var ok = await student.PostAsJsonAsync($"/api/v1/contests/{callId}/entries", body with
        {
            entrantKind = "individual", birthDate = ContestsFixture.Day(factory.Today.AddYears(-15)), declaration = true,
        });
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
    }

    [Fact]
    public async Task FilesMustBeStoredMedia_AndOversizedUploadsAreRefusedBeforeAnyByte()
    {
        var editor = await factory.ApiClientAsync("editor");
        var callId = await ContestsFixture.OpenCallAsync(editor, factory.Call("文件检查征集", voting: false));
        var maker = await factory.NewCitizenAsync("filer");
        var entry = new
        {
            entrantKind = "individual", title = "会说话的电表", category = "短视频", description = "一段讲家庭用电安全的短视频，三分钟，面向老年人。",
            files = new[] { new { url = "/media/" + new string('a', 64) + ".mp4", name = "电表.mp4" }, new { url = "https://elsewhere.example/evil.exe", name = "x" } },
            declaration = true,
        };
        var text = (await ProblemAsync(await maker.PostAsJsonAsync($"/api/v1/contests/{callId}/entries", entry), HttpStatusCode.BadRequest)).GetProperty("errors").ToString();
        Assert.Contains("不存在，请重新上传", text);

        var tooBig = await maker.PostAsJsonAsync("/api/v1/uploads", new { length = 10L * 1024 * 1024 * 1024 });
        Assert.Contains("文件太大", (await ProblemAsync(tooBig, HttpStatusCode.BadRequest)).ToString());
        Assert.Equal(0, await factory.QueryAsync(db => db.Set<ContestEntry>().CountAsync(e => e.CallId == callId)));
    }

    [Fact]
    public async Task WhenTooFewReviewersAreFreeOfConflicts_TheRoundDoesNotOpen_AndARecusedReviewIsReassigned()
    {
        var start = factory.Today.AddDays(1);
        factory.Clock.SetUtcNow(new DateTimeOffset(start.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)));
        var editor = await factory.ApiClientAsync("editor");
        var callId = await ContestsFixture.OpenCallAsync(editor, factory.Call("回避检查征集", voting: false));
        var judges = new List<string> { await factory.NewExpertAsync("j"), await factory.NewExpertAsync("j"), await factory.NewExpertAsync("j") };
        var maker = await factory.NewCitizenAsync("coauthor");
        Assert.Equal(HttpStatusCode.Created, (await maker.PostAsJsonAsync($"/api/v1/contests/{callId}/entries",
            ContestsFixture.Entry("合作的作品", authors: [new { name = "评审甲", userName = judges[0] }]))).StatusCode);
        for (var i = 0; i < 2; i++)
        {
            var other = await factory.NewCitizenAsync("solo");
            Assert.Equal(HttpStatusCode.Created, (await other.PostAsJsonAsync($"/api/v1/contests/{callId}/entries", ContestsFixture.Entry($"独立作品{i}"))).StatusCode);
        }

        factory.Clock.SetUtcNow(new DateTimeOffset(start.AddDays(3).ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)));
        editor = await factory.ApiClientAsync("editor");
        var impossible = await editor.PostAsJsonAsync($"/api/v1/contests/{callId}/rounds", new { reviewers = judges, k = 3, advanceTopN = 2 });
        Assert.Contains("没有利益冲突的评审", (await ProblemAsync(impossible, HttpStatusCode.Conflict)).GetProperty("detail").GetString());
        Assert.Equal("open", (await editor.GetFromJsonAsync<JsonElement>($"/api/v1/contests/{callId}")).GetProperty("stage").GetString());
        Assert.Equal(0, await factory.QueryAsync(db => db.Set<ReviewRound>().CountAsync(r => r.CallId == callId)));

        Assert.Equal(HttpStatusCode.OK, (await editor.PostAsJsonAsync($"/api/v1/contests/{callId}/rounds", new { reviewers = judges, k = 1, advanceTopN = 2 })).StatusCode);
        var j1 = await factory.ApiClientAsync(judges[1], ClockedFactory.Password);
        var task = (await j1.GetFromJsonAsync<JsonElement>("/api/v1/contests/reviews"))[0];
        var recused = await j1.PostAsJsonAsync($"/api/v1/contests/reviews/{task.GetProperty("id").GetInt32()}/recuse", new { reason = "作者是我以前的学生" });
        Assert.Equal(HttpStatusCode.OK, recused.StatusCode);
        var entryId = int.Parse(task.GetProperty("entryCode").GetString()!.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var reviews = await factory.QueryAsync(db => db.Set<EntryReview>().Where(a => a.EntryId == entryId).ToListAsync());
        var judgeIds = new List<string>();
        foreach (var j in judges)
        {
            judgeIds.Add(await factory.UserIdAsync(j));
        }

        Assert.Single(reviews, a => a.Status == "recused" && a.ReviewerId == judgeIds[1]);
        var replacement = Assert.Single(reviews, a => a.Status == "pending");
        Assert.NotEqual(judgeIds[1], replacement.ReviewerId);
        Assert.False(entryId == (await factory.QueryAsync(db => db.Set<ContestEntry>().FirstAsync(e => e.CallId == callId && e.Title == "合作的作品"))).Id
            && replacement.ReviewerId == judgeIds[0], "a co-author never gets their own work");
    }

    [Fact]
    public async Task AReviewerNeverGetsAWorkFromTheirOwnOrganisation_AndBurstsFromOneNetworkAreFlagged()
    {
        var start = factory.Today.AddDays(1);
        factory.Clock.SetUtcNow(new DateTimeOffset(start.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)));
        var editor = await factory.ApiClientAsync("editor");
        var callId = await ContestsFixture.OpenCallAsync(editor, factory.Call("同单位回避征集"));
        var judges = new List<string> { await factory.NewExpertAsync("u"), await factory.NewExpertAsync("u") };
        var colleague = await factory.NewCitizenNameAsync("colleague");
        int orgId;
        await using (var scope = factory.Scope())
        {
            var orgs = scope.ServiceProvider.GetRequiredService<ManageOrganizations>();
            orgId = await orgs.CreateAsync(new OrganizationRequest { Name = "西南大学科普团队" + Guid.NewGuid().ToString("N")[..4], Kind = "university", District = "500109" });
            await orgs.AddMemberAsync(orgId, judges[0], isManager: false);
            await orgs.AddMemberAsync(orgId, colleague, isManager: false);
        }

        var colleagueClient = await factory.ApiClientAsync(colleague, ClockedFactory.Password);
        Assert.Equal(HttpStatusCode.Created, (await colleagueClient.PostAsJsonAsync($"/api/v1/contests/{callId}/entries", ContestsFixture.Entry("同事的作品"))).StatusCode);
        var stranger = await factory.NewCitizenAsync("stranger");
        Assert.Equal(HttpStatusCode.Created, (await stranger.PostAsJsonAsync($"/api/v1/contests/{callId}/entries", ContestsFixture.Entry("陌生人的作品"))).StatusCode);

        factory.Clock.SetUtcNow(new DateTimeOffset(start.AddDays(3).ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)));
        editor = await factory.ApiClientAsync("editor");
        Assert.Equal(HttpStatusCode.OK, (await editor.PostAsJsonAsync($"/api/v1/contests/{callId}/rounds", new { reviewers = judges, k = 1, advanceTopN = 1 })).StatusCode);
        var j0 = await factory.ApiClientAsync(judges[0], ClockedFactory.Password);
        var titles = (await j0.GetFromJsonAsync<JsonElement>("/api/v1/contests/reviews")).EnumerateArray().Select(a => a.GetProperty("entryTitle").GetString()).ToList();
        Assert.Equal(["陌生人的作品"], titles);

        // Ten accounts of one network vote for the same work within minutes: kept, flagged, not counted.
        var target = await factory.QueryAsync(db => db.Set<ContestEntry>().Where(e => e.CallId == callId && e.Title == "陌生人的作品").Select(e => e.Id).FirstAsync());
        var voters = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            voters.Add(await factory.NewCitizenNameAsync("crowd"));
        }

        factory.Clock.SetUtcNow(new DateTimeOffset(start.AddDays(11).ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)));
        foreach (var name in voters)
        {
            await factory.VerifyAsync(name);
            var client = await factory.ApiClientAsync(name, ClockedFactory.Password);
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/v1/contests/entries/{target}/vote", null)).StatusCode);
        }

        editor = await factory.ApiClientAsync("editor");
        var row = (await editor.GetFromJsonAsync<JsonElement>($"/api/v1/contests/{callId}/votes")).EnumerateArray().Single(r => r.GetProperty("entryId").GetInt32() == target);
        Assert.Equal(0, row.GetProperty("valid").GetInt32());
        Assert.Equal(10, row.GetProperty("flagged").GetInt32());
        Assert.Contains(row.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.Contains("网段", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OpenApi_DescribesTheContestsApi()
    {
        using var client = factory.CreateClient();
        var paths = (await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json")).GetProperty("paths");
        foreach (var path in new[] { "/api/v1/contests", "/api/v1/contests/{id}/entries", "/api/v1/contests/entries/mine", "/api/v1/contests/reviews",
                     "/api/v1/contests/reviews/{id}", "/api/v1/contests/{id}/results", "/api/v1/contests/{id}/rounds", "/api/v1/uploads" })
        {
            Assert.True(paths.TryGetProperty(path, out _), path);
        }
    }
}
