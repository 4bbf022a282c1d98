using System.Security.Claims;
using Kepu.Web.Features.Accounts;
using Kepu.Web.Infrastructure.Files;
using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kepu.Web.Features.Learning;

public sealed record RequirementRequest(int Year, int Hours);

internal static class ExamsApi
{
    public static void MapExamsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/learning").WithTags("学习 Learning").RequireApiUser();
        api.MapPost("/exams", async Task<Created<ExamIdentity>> (ExamRequest request, ClaimsPrincipal user, Exams exams, CancellationToken ct) =>
            {
                var id = await exams.CreateAsync(request, user, ct);
                return TypedResults.Created($"/api/v1/learning/exams/{id}", new ExamIdentity(id));
            }).WithSummary("安排考试（单位管理员）：按维度和难度的组卷规则、时长、开放时间段、及格线");
        api.MapGet("/exams", async Task<Ok<IReadOnlyList<ExamCard>>> (ClaimsPrincipal user, Exams exams, CancellationToken ct) =>
                TypedResults.Ok(await exams.MineAsync(LearningApi.Me(user), ct)))
            .WithSummary("为我所在单位安排的考试，和我的成绩");
        api.MapPost("/exams/{id:int}/attempts", async Task<Ok<ExamPaper>> (int id, ClaimsPrincipal user, Exams exams, CancellationToken ct) =>
            {
                var attempt = await exams.StartAsync(id, LearningApi.Me(user), ct);
                return TypedResults.Ok(await exams.PaperAsync(attempt, LearningApi.Me(user), ct));
            }).WithSummary("开始（或继续）考试：每人随机抽题、选项乱序，按服务器时间计时");
        api.MapGet("/attempts/{id:long}", async Task<Ok<ExamPaper>> (long id, ClaimsPrincipal user, Exams exams, CancellationToken ct) =>
                TypedResults.Ok(await exams.PaperAsync(id, LearningApi.Me(user), ct)))
            .WithSummary("我的试卷与剩余秒数");
        api.MapPost("/attempts/{id:long}/submit", async Task<Ok<ExamPaper>> (long id, QuizAnswers request, ClaimsPrincipal user, Exams exams, IAccountDirectory accounts,
                CancellationToken ct) =>
                TypedResults.Ok(await exams.SubmitAsync(id, LearningApi.Me(user), await LearningApi.NameAsync(user, accounts, ct),
                    request.Answers ?? new Dictionary<int, IReadOnlyList<int>>(), ct)))
            .WithSummary("交卷（答案为显示顺序的位置）：超时交卷不计分；成绩记入账本，合格发证书");
        api.MapPut("/organizations/{id:int}/requirement", async Task<NoContent> (int id, RequirementRequest request, ClaimsPrincipal user, UnitReports reports,
                CancellationToken ct) =>
            {
                await reports.SetRequirementAsync(id, request.Year, request.Hours, user, ct);
                return TypedResults.NoContent();
            }).WithSummary("设置单位每人年度应学学时（单位管理员）");
        api.MapGet("/organizations/{id:int}/report", async Task<Ok<UnitReport>> (int id, int? exam, ClaimsPrincipal user, UnitReports reports, CancellationToken ct) =>
                TypedResults.Ok(await reports.ReportAsync(id, exam, user, ct)))
            .WithSummary("单位报表：各部门学时落后人数、考试参考人数、合格与平均分，及每人明细（单位管理员）");
        api.MapGet("/organizations/{id:int}/report.xlsx", async Task<FileContentHttpResult> (int id, int? exam, ClaimsPrincipal user, UnitReports reports, CancellationToken ct) =>
                TypedResults.File(Spreadsheets.Xlsx("单位报表", UnitReports.Columns, UnitReports.Rows(await reports.ReportAsync(id, exam, user, ct))),
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"unit-{id}-report.xlsx"))
            .WithSummary("单位报表导出为 Excel（单位管理员）");
        api.MapGet("/organizations/{id:int}/xapi", async Task<Ok<System.Text.Json.Nodes.JsonArray>> (int id, HttpRequest request, ClaimsPrincipal user, XApiExport xapi,
                CancellationToken ct) => TypedResults.Ok(await xapi.OrganizationAsync(id, user, $"{request.Scheme}://{request.Host}", ct)))
            .WithSummary("单位（含下级部门）全部成员的学习记录，xAPI 1.0.3 语句（单位管理员）");
        api.MapGet("/me/xapi", async Task<Ok<System.Text.Json.Nodes.JsonArray>> (HttpRequest request, ClaimsPrincipal user, XApiExport xapi, CancellationToken ct) =>
                TypedResults.Ok(await xapi.PersonAsync(LearningApi.Me(user), $"{request.Scheme}://{request.Host}", ct)))
            .WithSummary("我的学习记录，xAPI 1.0.3 语句（JSON），可导入学习记录存储（LRS）");
    }

    public sealed record ExamIdentity(int Id);
}
