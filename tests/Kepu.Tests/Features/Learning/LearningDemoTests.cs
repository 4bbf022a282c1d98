using System.Net.Http.Json;
using System.Text.Json;
using Kepu.Tests.Features.Library;
using Kepu.Tests.Infrastructure;
using Kepu.Web.Features.Learning.Entities;
using Kepu.Web.Features.Learning.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kepu.Tests.Features.Learning;

/// <summary>The demo (Development, or Demo:Seed with Demo:Content) gives every learning page something real.</summary>
public sealed class LearningDemoTests(DemoContentFactory factory) : IClassFixture<DemoContentFactory>
{
    [Fact]
    public async Task DemoLearning_HasProgress_PointsCertificatesAnExamAndAnIntactLedger()
    {
        using var citizen = await factory.ApiClientAsync("citizen");
        var courses = await citizen.GetFromJsonAsync<JsonElement[]>("/api/v1/learning/courses");
        Assert.Equal(4, courses!.Length);
        var elder = courses.Single(c => c.GetProperty("track").GetString() == "elder");
        Assert.Equal(3, elder.GetProperty("mine").GetProperty("done").GetInt32());
        Assert.True((await citizen.GetFromJsonAsync<JsonElement>("/api/v1/learning/me")).GetProperty("total").GetInt32() > 0);

        var board = await citizen.GetFromJsonAsync<JsonElement>("/api/v1/learning/leaderboard?scope=district&code=500101");
        Assert.Contains(board.GetProperty("top").EnumerateArray(), l => l.GetProperty("name").GetString() == "万州老人");

        Assert.Equal(2, await factory.QueryAsync(db => db.Set<Certificate>().CountAsync()));
        Assert.Equal(1, await factory.QueryAsync(db => db.Set<ExamAttempt>().CountAsync(a => a.SubmittedAt != null)));
        Assert.Equal(1, await factory.QueryAsync(db => db.Set<PracticeDay>().CountAsync()));
        Assert.Equal(1, await factory.QueryAsync(db => db.Set<LedgerDigest>().CountAsync()));
        await using var scope = factory.Scope();
        Assert.True((await scope.ServiceProvider.GetRequiredService<LedgerVerifier>().VerifyAsync()).Intact);

        using var anonymous = factory.CreateClient();
        foreach (var path in new[] { "/learn", "/learn/leaderboard?code=500101", "/ledger", $"/learn/courses/{elder.GetProperty("id").GetInt32()}" })
        {
            var page = await anonymous.GetStringAsync(path);
            Assert.Contains("科普重庆", page, StringComparison.Ordinal);
        }
    }
}
