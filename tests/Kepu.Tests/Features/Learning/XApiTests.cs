using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kepu.Tests.Infrastructure;
using Kepu.Web.Features.Learning.Entities;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Tests.Features.Learning;

public sealed class XApiTests(LearningFixture factory) : IClassFixture<LearningFixture>
{
    [Fact]
    public async Task ACompletedCourse_ExportsAsXApiStatements_WithStableIds()
    {
        var course = await factory.QueryAsync(db => db.Set<Course>().Where(c => c.Key == "worker-safety").Select(c => c.Id).SingleAsync());
        var lessons = await factory.QueryAsync(db => db.Set<Lesson>().Where(l => l.CourseId == course).OrderBy(l => l.Number).Select(l => l.Id).ToListAsync());
        using var user = await factory.ApiClientAsync("district");
        foreach (var lesson in lessons)
        {
            await user.PostAsync($"/api/v1/learning/lessons/{lesson}/study", null);
            var quiz = await factory.QueryAsync(db => db.Set<Question>().Where(q => q.LessonId == lesson).ToListAsync());
            var answers = quiz.ToDictionary(q => q.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), q => q.Answer.ToArray());
            Assert.Equal(HttpStatusCode.OK, (await user.PostAsJsonAsync($"/api/v1/learning/lessons/{lesson}/quiz", new { answers })).StatusCode);
        }

        var statements = await user.GetFromJsonAsync<JsonElement[]>("/api/v1/learning/me/xapi");
        Assert.Equal(lessons.Count, statements!.Count(s => s.GetProperty("verb").GetProperty("id").GetString() == "http://adlnet.gov/expapi/verbs/experienced"));
        Assert.Equal(lessons.Count, statements!.Count(s => s.GetProperty("verb").GetProperty("id").GetString() == "http://adlnet.gov/expapi/verbs/passed"));
        var completed = Assert.Single(statements!, s => s.GetProperty("verb").GetProperty("id").GetString() == "http://adlnet.gov/expapi/verbs/completed");
        Assert.EndsWith($"/learn/courses/{course}", completed.GetProperty("object").GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.Equal("Agent", completed.GetProperty("actor").GetProperty("objectType").GetString());
        Assert.True(Guid.TryParse(completed.GetProperty("id").GetString(), out _));
        Assert.All(statements!, s => Assert.Equal(1.0, s.GetProperty("result").TryGetProperty("score", out var score) ? score.GetProperty("scaled").GetDouble() : 1.0));

        var again = await user.GetFromJsonAsync<JsonElement[]>("/api/v1/learning/me/xapi");
        Assert.Equal(statements!.Select(s => s.GetProperty("id").GetString()).Order(), again!.Select(s => s.GetProperty("id").GetString()).Order());
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync("/api/v1/learning/me/xapi")).StatusCode);

        // 我的数据 carries the learning records too.
        var data = JsonDocument.Parse(await user.GetByteArrayAsync("/api/v1/me/data")).RootElement;
        var learning = data.GetProperty("records").GetProperty("学习");
        Assert.Single(learning.GetProperty("certificates").EnumerateArray());
        Assert.Equal(lessons.Count, learning.GetProperty("lessons").GetArrayLength());
        Assert.True(data.GetProperty("records").TryGetProperty("阅读记录", out _));
    }

    [Fact]
    public async Task FinishingALibraryItem_EarnsReadingPointsOnce()
    {
        var item = await factory.PublishAsync("夏天怎样预防中暑", "高温天气要多喝水、避开正午外出。", "中暑的早期表现是头晕、口渴、乏力。", ["public"], ["健康"]);
        using var user = await factory.ApiClientAsync("expert");
        var before = (await user.GetFromJsonAsync<JsonElement>("/api/v1/learning/me")).GetProperty("total").GetInt32();
        var finish = $"/api/v1/contents/{item}/finish";
        Assert.True((await user.PostAsync(finish, null)).IsSuccessStatusCode);
        Assert.True((await user.PostAsync(finish, null)).IsSuccessStatusCode);
        var after = (await user.GetFromJsonAsync<JsonElement>("/api/v1/learning/me")).GetProperty("total").GetInt32();
        Assert.Equal(before + 1, after);
    }
}
