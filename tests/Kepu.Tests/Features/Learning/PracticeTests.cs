using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kepu.Tests.Infrastructure;
using Kepu.Web.Features.Learning.Entities;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Tests.Features.Learning;

public sealed class PracticeTests(ClockedLearningFixture factory) : IClassFixture<ClockedLearningFixture>
{
    private Task<Question> QuestionAsync(int id) => factory.QueryAsync(db => db.Set<Question>().SingleAsync(q => q.Id == id));

    [Fact]
    public async Task Daily_IsTheSameFiveAllDay_CountsOnce_AndPointsAreCapped()
    {
        using var citizen = await factory.ApiClientAsync("citizen");
        var set = await citizen.GetFromJsonAsync<JsonElement>("/api/v1/learning/daily");
        var ids = set.GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("id").GetInt32()).ToList();
        Assert.Equal(5, ids.Count);
        Assert.Equal(ids, (await citizen.GetFromJsonAsync<JsonElement>("/api/v1/learning/daily")).GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("id").GetInt32()));

        var answers = new Dictionary<string, int[]>();
        foreach (var id in ids)
        {
            answers[id.ToString(System.Globalization.CultureInfo.InvariantCulture)] = [.. (await QuestionAsync(id)).Answer];
        }

        var first = await (await citizen.PostAsJsonAsync("/api/v1/learning/daily", new { answers })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(5, first.GetProperty("right").GetInt32());
        Assert.True(first.GetProperty("counted").GetBoolean());
        Assert.Equal(10, first.GetProperty("pointsEarned").GetInt32()); // 2 per right answer, at most 10 a day
        var again = await (await citizen.PostAsJsonAsync("/api/v1/learning/daily", new { answers })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(again.GetProperty("counted").GetBoolean());
        Assert.Equal(0, again.GetProperty("pointsEarned").GetInt32());
        Assert.Equal(5, (await citizen.GetFromJsonAsync<JsonElement>("/api/v1/learning/daily")).GetProperty("doneRight").GetInt32());

        // The next day brings a new set.
        factory.Clock.Advance(TimeSpan.FromDays(1));
        using var nextDay = await factory.ApiClientAsync("citizen"); // yesterday's token has expired
        var tomorrow = await nextDay.GetFromJsonAsync<JsonElement>("/api/v1/learning/daily");
        Assert.Equal(JsonValueKind.Null, tomorrow.GetProperty("doneRight").ValueKind);
    }

    [Fact]
    public async Task Challenge_StopsAtTheFirstWrongAnswer_OrAfter45Seconds_OnTheServersClock()
    {
        using var expert = await factory.ApiClientAsync("expert");
        var run = await (await expert.PostAsync("/api/v1/learning/challenges", null)).Content.ReadFromJsonAsync<JsonElement>();
        var id = run.GetProperty("runId").GetInt64();
        Assert.Equal(45, run.GetProperty("secondsLeft").GetInt32());

        // Two right answers in time.
        for (var i = 0; i < 2; i++)
        {
            var question = await QuestionAsync(run.GetProperty("question").GetProperty("id").GetInt32());
            factory.Clock.Advance(TimeSpan.FromSeconds(30));
            run = await (await expert.PostAsJsonAsync($"/api/v1/learning/challenges/{id}/answer", new { questionId = question.Id, chosen = question.Answer })).Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(run.GetProperty("last").GetProperty("right").GetBoolean());
            Assert.Equal(i + 1, run.GetProperty("right").GetInt32());
        }

        // The third, answered right but after 46 seconds: over, as late.
        var late = await QuestionAsync(run.GetProperty("question").GetProperty("id").GetInt32());
        factory.Clock.Advance(TimeSpan.FromSeconds(46));
        run = await (await expert.PostAsJsonAsync($"/api/v1/learning/challenges/{id}/answer", new { questionId = late.Id, chosen = late.Answer })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(run.GetProperty("over").GetBoolean());
        Assert.Contains("45 秒", run.GetProperty("endLabel").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, run.GetProperty("right").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, (await expert.PostAsJsonAsync($"/api/v1/learning/challenges/{id}/answer", new { questionId = late.Id, chosen = late.Answer })).StatusCode);

        // A new run, a wrong answer: over at once.
        run = await (await expert.PostAsync("/api/v1/learning/challenges", null)).Content.ReadFromJsonAsync<JsonElement>();
        var next = await QuestionAsync(run.GetProperty("question").GetProperty("id").GetInt32());
        run = await (await expert.PostAsJsonAsync($"/api/v1/learning/challenges/{run.GetProperty("runId").GetInt64()}/answer",
            new { questionId = next.Id, chosen = new[] { (next.Answer[0] + 1) % next.Options.Count } })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(run.GetProperty("over").GetBoolean());
        Assert.Equal("答错了", run.GetProperty("endLabel").GetString());

        // Someone else's run is not theirs to see.
        using var citizen = await factory.ApiClientAsync("citizen");
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.GetAsync($"/api/v1/learning/challenges/{id}")).StatusCode);
    }
}

public sealed class PointRulesTests(LearningFixture factory) : IClassFixture<LearningFixture>
{
    [Fact]
    public async Task Administrators_ChangeTheRules_AllOrNothing_AndTheNewCapApplies()
    {
        using var admin = await factory.ApiClientAsync("admin");
        var rules = await admin.GetFromJsonAsync<JsonElement[]>("/api/v1/learning/point-rules");
        Assert.Equal(6, rules!.Length);
        var bad = await admin.PutAsJsonAsync("/api/v1/learning/point-rules", new[] { new { kind = "lesson", points = 8, dailyCap = 8 }, new { kind = "quiz", points = 10, dailyCap = 5 } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(5, (await admin.GetFromJsonAsync<JsonElement[]>("/api/v1/learning/point-rules"))!.Single(r => r.GetProperty("kind").GetString() == "lesson").GetProperty("points").GetInt32());
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync("/api/v1/learning/point-rules", new[] { new { kind = "lesson", points = 8, dailyCap = 8 } })).StatusCode);
        using var citizen = await factory.ApiClientAsync("citizen");
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.GetAsync("/api/v1/learning/point-rules")).StatusCode);

        var course = await factory.QueryAsync(db => db.Set<Course>().Where(c => c.Key == "rural-leader-growth").Select(c => c.Id).SingleAsync());
        var lessons = await factory.QueryAsync(db => db.Set<Lesson>().Where(l => l.CourseId == course).OrderBy(l => l.Number).Select(l => l.Id).Take(2).ToListAsync());
        var first = await (await citizen.PostAsync($"/api/v1/learning/lessons/{lessons[0]}/study", null)).Content.ReadFromJsonAsync<JsonElement>();
        var second = await (await citizen.PostAsync($"/api/v1/learning/lessons/{lessons[1]}/study", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(8, first.GetProperty("pointsEarned").GetInt32());
        Assert.Equal(0, second.GetProperty("pointsEarned").GetInt32());
    }
}
