using System.Security.Claims;
using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kepu.Web.Features.Learning.Activities;

internal static class ActivitiesApi
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void MapActivitiesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/learning/activities").WithTags("学习 Learning").RequireApiUser();
        api.MapPost("/", async Task<Created<ActivityView>> (ActivityRequest request, ClaimsPrincipal user, ScienceActivities activities, CancellationToken ct) =>
            {
                var view = await activities.CreateAsync(LearningApi.Me(user), request, null, ct);
                return TypedResults.Created($"/api/v1/learning/activities/{view.Id}", view);
            })
            .WithSummary("记录一次科普活动（讲座、文章、视频、活动、志愿服务），提交给自己所在的单位（organizationId）或导师（supervisor：用户名）审核；证明材料为 /media/… 地址或 http(s) 链接");
        api.MapGet("/mine", async Task<Ok<IReadOnlyList<ActivityView>>> (ClaimsPrincipal user, ScienceActivities activities, CancellationToken ct) =>
                TypedResults.Ok(await activities.MineAsync(LearningApi.Me(user), ct)))
            .WithSummary("我记录的活动与审核状态（待审核、已认定、已退回）");
        api.MapGet("/review", async Task<Ok<IReadOnlyList<ActivityView>>> (string? state, ClaimsPrincipal user, ScienceActivities activities, CancellationToken ct) =>
                TypedResults.Ok(await activities.ToReviewAsync(user, state, ct)))
            .WithSummary("我可以审核的活动：我管理的单位收到的、指定我为导师的（管理员看全部）；state=submitted（默认）、approved、returned、all");
        api.MapGet("/record", async Task<Ok<ActivityRecord>> (ClaimsPrincipal user, ScienceActivities activities, CancellationToken ct) =>
                TypedResults.Ok(await activities.RecordAsync(LearningApi.Me(user), ct)))
            .WithSummary("我的科普工作实绩：已认定的活动与按类型的学时、学分合计");
        api.MapGet("/record.csv", async Task<FileContentHttpResult> (ClaimsPrincipal user, ScienceActivities activities, CancellationToken ct) =>
            {
                var record = await activities.RecordAsync(LearningApi.Me(user), ct);
                return TypedResults.File(ActivityExport.Csv(record), "text/csv; charset=utf-8", ActivityExport.FileName(record, "csv"));
            })
            .WithSummary("导出我的科普工作实绩（CSV，UTF-8）");
        api.MapGet("/record.xlsx", async Task<FileContentHttpResult> (ClaimsPrincipal user, ScienceActivities activities, CancellationToken ct) =>
            {
                var record = await activities.RecordAsync(LearningApi.Me(user), ct);
                return TypedResults.File(ActivityExport.Xlsx(record), Xlsx, ActivityExport.FileName(record, "xlsx"));
            })
            .WithSummary("导出我的科普工作实绩（Excel）");
        api.MapGet("/{id:int}", async Task<Ok<ActivityView>> (int id, ClaimsPrincipal user, ScienceActivities activities, CancellationToken ct) =>
                TypedResults.Ok(await activities.GetAsync(id, user, ct)))
            .WithSummary("一条活动（本人与审核人可看）");
        api.MapPut("/{id:int}", async Task<Ok<ActivityView>> (int id, ActivityRequest request, ClaimsPrincipal user, ScienceActivities activities,
                CancellationToken ct) =>
                TypedResults.Ok(await activities.ResubmitAsync(id, LearningApi.Me(user), request, null, ct)))
            .WithSummary("修改被退回的活动并重新提交（本人）");
        api.MapPost("/{id:int}/approve", async Task<Ok<ActivityView>> (int id, ApproveRequest request, ClaimsPrincipal user, ScienceActivities activities,
                CancellationToken ct) =>
                TypedResults.Ok(await activities.ApproveAsync(id, user, request, ct)))
            .WithSummary("认定：hours 为认定学时（不超过申报的，缺省为申报的），按类型折算学分并记入账本（所选单位的管理员、导师或管理员；不能认定自己的）");
        api.MapPost("/{id:int}/return", async Task<Ok<ActivityView>> (int id, ReturnRequest request, ClaimsPrincipal user, ScienceActivities activities,
                CancellationToken ct) =>
                TypedResults.Ok(await activities.ReturnAsync(id, user, request, ct)))
            .WithSummary("退回（须说明原因）：本人修改后可重新提交");
    }
}
