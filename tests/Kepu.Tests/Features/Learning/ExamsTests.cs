using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kepu.Tests.Infrastructure;
using Kepu.Web.Features.Accounts.Admin;
using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Features.Learning.Entities;
using Kepu.Web.Features.Learning.Ledger;
using Kepu.Web.Infrastructure.Files;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kepu.Tests.Features.Learning;

public sealed class ExamsTests(ClockedLearningFixture factory) : IClassFixture<ClockedLearningFixture>
{
    private async Task<(int Unit, int Department)> UnitsAsync(string suffix)
    {
        await using var scope = factory.Scope();
        var manage = scope.ServiceProvider.GetRequiredService<ManageOrganizations>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var unit = await manage.CreateAsync(new OrganizationRequest { Name = "区县政府" + suffix, Kind = "government" });
        var department = await manage.CreateAsync(new OrganizationRequest { Name = "科技局" + suffix, Kind = "government", ParentId = unit });
        foreach (var name in new[] { "official-a" + suffix, "official-b" + suffix, "manager" + suffix })
        {
            var user = new AppUser { UserName = name, DisplayName = name };
            Assert.True((await users.CreateAsync(user, KepuFactory.DemoPassword)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.Citizen)).Succeeded);
            await manage.AddMemberAsync(name.StartsWith("manager", StringComparison.Ordinal) ? unit : department, name, isManager: name.StartsWith("manager", StringComparison.Ordinal));
        }

        return (unit, department);
    }

    private static object Blueprint => new[]
    {
        new { dimension = "knowledge", difficulty = 1, count = 3 },
        new { dimension = "method", difficulty = 2, count = 2 },
        new { dimension = "spirit", difficulty = 2, count = 1 },
    };

    [Fact]
    public async Task AnOfficial_SitsATimedExam_FromAFreshShuffledPaper_AndTheResultIsOnTheLedger()
    {
        var (unit, department) = await UnitsAsync("1");
        using var manager = await factory.ApiClientAsync("manager1");
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var request = new { organizationId = unit, title = "领导干部科学素质测试", blueprint = Blueprint, minutes = 30, opensAt = now.AddMinutes(-1), closesAt = now.AddDays(7), passMark = 60 };
        using var stranger = await factory.ApiClientAsync("citizen");
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.PostAsJsonAsync("/api/v1/learning/exams", request)).StatusCode);
        var created = await manager.PostAsJsonAsync("/api/v1/learning/exams", request);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var examId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.PostAsync($"/api/v1/learning/exams/{examId}/attempts", null)).StatusCode);

        using var a = await factory.ApiClientAsync("official-a1");
        var exams = await a.GetFromJsonAsync<JsonElement[]>("/api/v1/learning/exams");
        Assert.Contains(exams!, e => e.GetProperty("id").GetInt32() == examId && e.GetProperty("open").GetBoolean());
        var paper = await (await a.PostAsync($"/api/v1/learning/exams/{examId}/attempts", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(6, paper.GetProperty("questions").GetArrayLength());
        Assert.Equal(30 * 60, paper.GetProperty("secondsLeft").GetInt32());
        var attemptId = paper.GetProperty("attemptId").GetInt64();
        var again = await (await a.PostAsync($"/api/v1/learning/exams/{examId}/attempts", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(attemptId, again.GetProperty("attemptId").GetInt64());

        // The drawn questions follow the blueprint; answers are the shown positions of the right options.
        var attempt = await factory.QueryAsync(db => db.Set<ExamAttempt>().SingleAsync(x => x.Id == attemptId));
        var questions = await factory.QueryAsync(db => db.Set<Question>().Where(q => attempt.Questions.Contains(q.Id)).ToListAsync());
        Assert.Equal(3, questions.Count(q => q.Dimension == "knowledge" && q.Difficulty == 1));
        Assert.Equal(2, questions.Count(q => q.Dimension == "method" && q.Difficulty == 2));
        var answers = questions.ToDictionary(q => q.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            q => q.Answer.Select(original => attempt.Order(q.Id).ToList().IndexOf(original)).ToArray());
        factory.Clock.Advance(TimeSpan.FromMinutes(10));
        var result = await (await a.PostAsJsonAsync($"/api/v1/learning/attempts/{attemptId}/submit", new { answers })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(100, result.GetProperty("score").GetInt32());
        Assert.True(result.GetProperty("passed").GetBoolean());
        var code = result.GetProperty("certificateCode").GetString();
        Assert.True((await factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/certificates/{code}")).GetProperty("valid").GetBoolean());
        Assert.Equal(HttpStatusCode.Conflict, (await a.PostAsJsonAsync($"/api/v1/learning/attempts/{attemptId}/submit", new { answers })).StatusCode);

        // The other official starts, and sends the paper after the deadline: it scores 0, recorded as late.
        using var b = await factory.ApiClientAsync("official-b1");
        var paperB = await (await b.PostAsync($"/api/v1/learning/exams/{examId}/attempts", null)).Content.ReadFromJsonAsync<JsonElement>();
        factory.Clock.Advance(TimeSpan.FromMinutes(31));
        using var bLater = await factory.ApiClientAsync("official-b1");
        var late = await (await bLater.PostAsJsonAsync($"/api/v1/learning/attempts/{paperB.GetProperty("attemptId").GetInt64()}/submit", new { answers })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, late.GetProperty("score").GetInt32());
        Assert.True(late.GetProperty("late").GetBoolean());

        await using (var scope = factory.Scope())
        {
            var report = await scope.ServiceProvider.GetRequiredService<LedgerVerifier>().VerifyAsync();
            Assert.True(report.Intact);
            var results = await scope.ServiceProvider.GetRequiredService<Kepu.Web.Infrastructure.Data.AppDbContext>().Set<LedgerEntry>()
                .CountAsync(e => e.Kind == LedgerKinds.ExamResult);
            Assert.True(results >= 2);
        }

        // The unit report: the department's two sat, one passed; hours against the requirement; as Excel.
        using var managerLater = await factory.ApiClientAsync("manager1");
        Assert.Equal(HttpStatusCode.NoContent, (await managerLater.PutAsJsonAsync($"/api/v1/learning/organizations/{unit}/requirement", new { year = DateTime.UtcNow.AddHours(8).Year, hours = 40 })).StatusCode);
        var unitReport = await managerLater.GetFromJsonAsync<JsonElement>($"/api/v1/learning/organizations/{unit}/report?exam={examId}");
        var dept = unitReport.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("id").GetInt32() == department);
        Assert.Equal(2, dept.GetProperty("sat").GetInt32());
        Assert.Equal(1, dept.GetProperty("passed").GetInt32());
        Assert.Equal(2, dept.GetProperty("behind").GetInt32());
        Assert.Equal(50, dept.GetProperty("averageScore").GetDouble());
        var xlsx = await managerLater.GetByteArrayAsync($"/api/v1/learning/organizations/{unit}/report.xlsx?exam={examId}");
        var (rows, error) = Spreadsheets.Read(xlsx);
        Assert.Null(error);
        Assert.Contains(rows, r => r["姓名"] == "official-a1" && r["考试成绩"] == "100" && r["要求学时"] == "40" && r["学时是否落后"] == "落后");
        using var official = await factory.ApiClientAsync("official-a1");
        Assert.Equal(HttpStatusCode.Forbidden, (await official.GetAsync($"/api/v1/learning/organizations/{unit}/report")).StatusCode);
    }

    [Fact]
    public async Task ABlueprintTheBankCannotFill_OrABadWindow_IsRefused()
    {
        var (unit, _) = await UnitsAsync("2");
        using var manager = await factory.ApiClientAsync("manager2");
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var tooMany = await manager.PostAsJsonAsync("/api/v1/learning/exams", new
        {
            organizationId = unit, title = "太多题", blueprint = new[] { new { dimension = "spirit", difficulty = 3, count = 99 } }, minutes = 30,
            opensAt = now, closesAt = now.AddDays(1), passMark = 60,
        });
        Assert.Equal(HttpStatusCode.Conflict, tooMany.StatusCode);
        Assert.Contains("不够抽", (await tooMany.ProblemAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        var backwards = await manager.PostAsJsonAsync("/api/v1/learning/exams", new
        {
            organizationId = unit, title = "时间反了", blueprint = Blueprint, minutes = 30, opensAt = now.AddDays(1), closesAt = now, passMark = 60,
        });
        Assert.Equal(HttpStatusCode.Conflict, backwards.StatusCode);
        Assert.Equal(0, await factory.QueryAsync(db => db.Set<Exam>().CountAsync(e => e.OrganizationId == unit)));
    }
}
