using System.Security.Claims;
using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kepu.Web.Features.Learning;

public sealed record ChallengeAnswer(int QuestionId, IReadOnlyList<int>? Chosen);

internal static class PracticeApi
{
    public static void MapPracticeApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/learning").WithTags("学习 Learning").RequireApiUser();
        api.MapGet("/daily", async Task<Ok<DailySet>> (ClaimsPrincipal user, Practice practice, CancellationToken ct) =>
                TypedResults.Ok(await practice.DailyAsync(LearningApi.Me(user), ct)))
            .WithSummary("每日答题：今天的 5 道题（同一天内不变）");
        api.MapPost("/daily", async Task<Ok<DailyResult>> (QuizAnswers request, ClaimsPrincipal user, Practice practice, CancellationToken ct) =>
                TypedResults.Ok(await practice.SubmitDailyAsync(LearningApi.Me(user), request.Answers ?? new Dictionary<int, IReadOnlyList<int>>(), ct)))
            .WithSummary("交每日答题：每天第一次提交计分，答对一题得分（有每日上限）");
        api.MapPost("/challenges", async Task<Ok<ChallengeView>> (ClaimsPrincipal user, Practice practice, CancellationToken ct) =>
                TypedResults.Ok(await practice.StartChallengeAsync(LearningApi.Me(user), ct)))
            .WithSummary("开始挑战答题：每题 45 秒（以服务器时间为准），答错或超时即结束");
        api.MapGet("/challenges/{id:long}", async Task<Ok<ChallengeView>> (long id, ClaimsPrincipal user, Practice practice, CancellationToken ct) =>
                TypedResults.Ok(await practice.ChallengeAsync(id, LearningApi.Me(user), ct)))
            .WithSummary("挑战的当前题目与剩余秒数");
        api.MapPost("/challenges/{id:long}/answer", async Task<Ok<ChallengeView>> (long id, ChallengeAnswer request, ClaimsPrincipal user, Practice practice,
                CancellationToken ct) =>
                TypedResults.Ok(await practice.AnswerChallengeAsync(id, LearningApi.Me(user), request.QuestionId, request.Chosen ?? [], ct)))
            .WithSummary("回答挑战题");
    }
}
