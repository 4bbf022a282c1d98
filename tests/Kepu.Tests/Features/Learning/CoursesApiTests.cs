using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kepu.Tests.Infrastructure;
using Kepu.Web.Features.Learning;
using Kepu.Web.Features.Learning.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kepu.Tests.Features.Learning;

public sealed class CoursesApiTests(LearningFixture factory) : IClassFixture<LearningFixture>
{
    private async Task<int> CourseIdAsync(string key) => await factory.QueryAsync(db => db.Set<Course>().Where(c => c.Key == key).Select(c => c.Id).SingleAsync());

    private async Task<List<Question>> QuizAsync(int lessonId) =>
        await factory.QueryAsync(db => db.Set<Question>().Where(q => q.LessonId == lessonId).OrderBy(q => q.Id).ToListAsync());

    private static Dictionary<string, int[]> Right(IEnumerable<Question> questions) =>
        questions.ToDictionary(q => q.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), q => q.Answer.ToArray());

    [Fact]
    public async Task DemoCourses_AreThere_ForEveryTrack_WithQuizzes()
    {
        using var anonymous = factory.CreateClient();
        var courses = await anonymous.GetFromJsonAsync<JsonElement[]>("/api/v1/learning/courses");
        Assert.Equal(["elder", "official", "rural-leader", "worker"], courses!.Select(c => c.GetProperty("track").GetString()!).Order().ToArray());
        Assert.All(courses!, c => Assert.True(c.GetProperty("lessons").GetInt32() >= 5));
        var counts = await factory.QueryAsync(db => db.Set<Question>().Join(db.Set<Lesson>(), q => q.LessonId, l => l.Id, (q, l) => l.CourseId)
            .GroupBy(c => c).Select(g => g.Count()).ToListAsync());
        Assert.Equal(4, counts.Count);
        Assert.All(counts, n => Assert.True(n >= 40));
    }

    [Fact]
    public async Task Citizen_StudiesEveryLesson_PassesEveryQuiz_GetsAVerifiableCertificate_WithinDailyCaps()
    {
        var course = await CourseIdAsync("elder-smart-life");
        using var citizen = await factory.ApiClientAsync("citizen");
        var outline = await citizen.GetFromJsonAsync<JsonElement>($"/api/v1/learning/courses/{course}");
        var lessons = outline.GetProperty("chapters").EnumerateArray().SelectMany(c => c.GetProperty("lessons").EnumerateArray())
            .Select(l => l.GetProperty("id").GetInt32()).ToList();
        Assert.True(lessons.Count >= 5);

        // The first quiz, answered wrongly first: scored on the server, explanations back, no pass, the topic remembered.
        var first = await QuizAsync(lessons[0]);
        var lesson = await citizen.GetFromJsonAsync<JsonElement>($"/api/v1/learning/lessons/{lessons[0]}");
        Assert.Equal(first.Count, lesson.GetProperty("quiz").GetArrayLength());
        Assert.DoesNotContain("answer", lesson.GetProperty("quiz")[0].EnumerateObject().Select(p => p.Name));
        var wrong = first.ToDictionary(q => q.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), q => new[] { (q.Answer[0] + 1) % q.Options.Count });
        var failed = await (await citizen.PostAsJsonAsync($"/api/v1/learning/lessons/{lessons[0]}/quiz", new { answers = wrong })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, failed.GetProperty("score").GetInt32());
        Assert.False(failed.GetProperty("passed").GetBoolean());
        Assert.False(string.IsNullOrEmpty(failed.GetProperty("answers")[0].GetProperty("explanation").GetString()));
        var userId = await factory.QueryAsync(db => db.Users.Where(u => u.UserName == "citizen").Select(u => u.Id).SingleAsync());
        await using (var scope = factory.Scope())
        {
            var missed = await scope.ServiceProvider.GetRequiredService<Kepu.Web.Features.Feed.IMissedTopics>().MissedTopicsAsync(userId);
            Assert.Contains(first[0].Topic, missed);
        }

        CourseCompletionView? completion = null;
        foreach (var id in lessons)
        {
            Assert.Equal(HttpStatusCode.OK, (await citizen.PostAsync($"/api/v1/learning/lessons/{id}/study", null)).StatusCode);
            var result = await (await citizen.PostAsJsonAsync($"/api/v1/learning/lessons/{id}/quiz", new { answers = Right(await QuizAsync(id)) }))
                .Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(100, result.GetProperty("score").GetInt32());
            if (result.GetProperty("completion").ValueKind == JsonValueKind.Object)
            {
                completion = new CourseCompletionView(result.GetProperty("completion").GetProperty("certificateCode").GetString()!);
            }
        }

        Assert.NotNull(completion);
        var certificate = await factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/certificates/{completion!.Code}");
        Assert.True(certificate.GetProperty("valid").GetBoolean());
        Assert.Equal("万州老人", certificate.GetProperty("holderName").GetString());

        // Points: lessons and quizzes are capped per day (30 each), the course once.
        var me = await citizen.GetFromJsonAsync<JsonElement>("/api/v1/learning/me");
        var today = me.GetProperty("today").EnumerateArray().ToDictionary(t => t.GetProperty("kind").GetString()!, t => t.GetProperty("points").GetInt32());
        Assert.Equal(30, today["lesson"]);
        Assert.Equal(30, today["quiz"]);
        Assert.Equal(20, today["course"]);
        Assert.Equal(80, me.GetProperty("total").GetInt32());
        Assert.Equal(1, me.GetProperty("streak").GetInt32());
        var events = await factory.QueryAsync(db => db.Set<PointEvent>().Where(e => e.UserId == userId).SumAsync(e => e.Points));
        Assert.Equal(80, events);

        var outlineAfter = await citizen.GetFromJsonAsync<JsonElement>($"/api/v1/learning/courses/{course}");
        Assert.Equal(completion.Code, outlineAfter.GetProperty("course").GetProperty("mine").GetProperty("certificateCode").GetString());
    }

    [Fact]
    public async Task Leaderboard_NamesOnlyThoseWhoAgreed()
    {
        var course = await CourseIdAsync("worker-safety");
        using var editor = await factory.ApiClientAsync("editor");
        var lesson = (await editor.GetFromJsonAsync<JsonElement>($"/api/v1/learning/courses/{course}")).GetProperty("chapters")[0].GetProperty("lessons")[0].GetProperty("id").GetInt32();
        await editor.PostAsync($"/api/v1/learning/lessons/{lesson}/study", null);
        var board = await editor.GetFromJsonAsync<JsonElement>("/api/v1/learning/leaderboard?scope=district&code=500103");
        Assert.Contains(board.GetProperty("top").EnumerateArray(), l => l.GetProperty("me").GetBoolean() && l.GetProperty("name").GetString() == "匿名学员");
        Assert.Equal(1, board.GetProperty("myRank").GetInt32());
        Assert.Equal(HttpStatusCode.NoContent, (await editor.PutAsJsonAsync("/api/v1/learning/me/consent", new { showName = true })).StatusCode);
        board = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/learning/leaderboard?scope=district&code=500103");
        Assert.Contains(board.GetProperty("top").EnumerateArray(), l => l.GetProperty("name").GetString() == "科协编辑");
        Assert.Equal(HttpStatusCode.BadRequest, (await editor.GetAsync("/api/v1/learning/leaderboard?scope=planet")).StatusCode);
    }

    [Fact]
    public async Task QuizAndStudy_NeedSignIn_AndForeignQuestionsAreRefused()
    {
        var course = await CourseIdAsync("rural-leader-growth");
        using var anonymous = factory.CreateClient();
        var outline = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/learning/courses/{course}");
        var lessons = outline.GetProperty("chapters")[0].GetProperty("lessons").EnumerateArray().Select(l => l.GetProperty("id").GetInt32()).ToList();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync($"/api/v1/learning/lessons/{lessons[0]}/study", null)).StatusCode);
        using var citizen = await factory.ApiClientAsync("citizen");
        var other = await QuizAsync(lessons[1]);
        var refused = await citizen.PostAsJsonAsync($"/api/v1/learning/lessons/{lessons[0]}/quiz", new { answers = Right(other) });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/v1/learning/lessons/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/v1/certificates/NOSUCHCODE12")).StatusCode);
    }

    [Fact]
    public async Task ACourseWithABadQuestion_IsRefusedWhole()
    {
        const string json = """
            {"key":"bad-course","track":"general","title":"坏课程","summary":"测试","audiences":["public"],"topic":"健康","passMark":60,
             "chapters":[{"title":"第一章","lessons":[{"title":"第一课","minutes":5,"body":"正文"}]}],
             "questions":[{"lesson":1,"kind":"single","stem":"题干","options":["甲","乙"],"answer":[0,1],"difficulty":1,"dimension":"knowledge","topic":"健康"},
                          {"lesson":3,"kind":"truefalse","stem":"判断","options":["正确","错误"],"answer":[0],"difficulty":5,"dimension":"science","topic":"健康"}]}
            """;
        await using var scope = factory.Scope();
        var error = await Assert.ThrowsAsync<Kepu.Web.Infrastructure.Errors.ValidationFailedException>(() => scope.ServiceProvider.GetRequiredService<CourseImport>().ImportAsync(json));
        Assert.Contains("questions[0]", error.Errors.Keys);
        Assert.Contains(error.Errors["questions[1]"], m => m.Contains("难度", StringComparison.Ordinal));
        Assert.False(await factory.QueryAsync(db => db.Set<Course>().AnyAsync(c => c.Key == "bad-course")));
    }

    private sealed record CourseCompletionView(string Code);
}
