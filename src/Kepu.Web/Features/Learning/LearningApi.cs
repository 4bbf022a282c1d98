using System.Security.Claims;
using Kepu.Web.Features.Accounts;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kepu.Web.Features.Learning;

public sealed record QuizAnswers(IReadOnlyDictionary<int, IReadOnlyList<int>>? Answers);

public sealed record ConsentRequest(bool ShowName);

internal static class LearningApi
{
    public static void MapLearningApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/learning").WithTags("学习 Learning");
        api.MapGet("/courses", async Task<Ok<IReadOnlyList<CourseCard>>> (string? track, ClaimsPrincipal user, CourseCatalog catalog, CancellationToken ct) =>
                TypedResults.Ok(await catalog.ListAsync(user.UserId(), track, ct)))
            .WithSummary("课程列表（登录后带上自己的进度）；track：elder、rural-leader、worker、official、general").AllowApiUser();
        api.MapGet("/courses/{id:int}", async Task<Ok<CourseOutline>> (int id, ClaimsPrincipal user, CourseCatalog catalog, CancellationToken ct) =>
                TypedResults.Ok(await catalog.OutlineAsync(id, user.UserId(), ct)))
            .WithSummary("课程目录：章节、课时、测验与自己的完成情况").AllowApiUser();
        api.MapPost("/courses/{id:int}/enroll", async Task<NoContent> (int id, ClaimsPrincipal user, CourseProgress progress, CancellationToken ct) =>
            {
                await progress.EnrollAsync(id, Me(user), ct);
                return TypedResults.NoContent();
            }).WithSummary("报名学习").RequireApiUser();
        api.MapGet("/lessons/{id:int}", async Task<Ok<LessonView>> (int id, ClaimsPrincipal user, CourseProgress progress, CancellationToken ct) =>
                TypedResults.Ok(await progress.OpenAsync(id, user.UserId(), ct)))
            .WithSummary("一节课：正文、测验题（不含答案）；登录时记住学到这里").AllowApiUser();
        api.MapPost("/lessons/{id:int}/study", async Task<Ok<StudyResult>> (int id, ClaimsPrincipal user, CourseProgress progress, IAccountDirectory accounts,
                CancellationToken ct) =>
                TypedResults.Ok(await progress.StudyAsync(id, Me(user), await NameAsync(user, accounts, ct), ct)))
            .WithSummary("学完这一课（首次得积分；全部完成时颁发证书）").RequireApiUser();
        api.MapPost("/lessons/{id:int}/quiz", async Task<Ok<QuizResult>> (int id, QuizAnswers request, ClaimsPrincipal user, CourseProgress progress,
                IAccountDirectory accounts, CancellationToken ct) =>
                TypedResults.Ok(await progress.SubmitQuizAsync(id, request.Answers ?? new Dictionary<int, IReadOnlyList<int>>(), Me(user),
                    await NameAsync(user, accounts, ct), ct)))
            .WithSummary("交卷：服务器判分，返回对错与解析；达到及格线首次得积分").RequireApiUser();
        api.MapGet("/me", async Task<Ok<MyProgress>> (ClaimsPrincipal user, Leaderboards boards, CancellationToken ct) =>
                TypedResults.Ok(await boards.MineAsync(Me(user), ct)))
            .WithSummary("我的进度：积分、连续学习天数、今日各项积分与上限").RequireApiUser();
        api.MapPut("/me/consent", async Task<NoContent> (ConsentRequest request, ClaimsPrincipal user, Leaderboards boards, CancellationToken ct) =>
            {
                await boards.ConsentAsync(Me(user), request.ShowName, ct);
                return TypedResults.NoContent();
            }).WithSummary("是否同意在排行榜上显示我的名字").RequireApiUser();
        api.MapGet("/leaderboard", async Task<Ok<Board>> (string? scope, string? code, ClaimsPrincipal user, Leaderboards boards, CancellationToken ct) =>
                TypedResults.Ok(await boards.BoardAsync(scope ?? "district", code, user.UserId(), ct)))
            .WithSummary("排行榜：scope=district（code 为区县代码）或 organization（code 为单位编号）；未同意显示名字的人显示为匿名学员").AllowApiUser();

        var rules = app.MapGroup("/api/v1/learning/point-rules").WithTags("学习 Learning").RequireApiUser(Kepu.Web.Features.Accounts.Entities.Roles.Admin);
        rules.MapGet("/", async Task<Ok<IReadOnlyList<PointRuleView>>> (PointRules pointRules, CancellationToken ct) => TypedResults.Ok(await pointRules.ListAsync(ct)))
            .WithSummary("积分规则：每次得分与每日上限（管理员）");
        rules.MapPut("/", async Task<NoContent> (IReadOnlyList<PointRuleChange> changes, PointRules pointRules, CancellationToken ct) =>
            {
                await pointRules.UpdateAsync(changes, ct);
                return TypedResults.NoContent();
            }).WithSummary("修改积分规则（管理员；全部检查通过才保存）");

        app.MapGet("/api/v1/certificates/{code}", async Task<Ok<CertificateView>> (string code, Certificates certificates, CancellationToken ct) =>
                TypedResults.Ok(await certificates.VerifyAsync(code, ct)))
            .WithTags("学习 Learning").WithSummary("核验证书：与账本记录比对");
        app.MapGet("/verify/{code}/pdf", async Task<FileContentHttpResult> (string code, HttpRequest request, Certificates certificates, CertificatePdf pdf,
                CancellationToken ct) =>
            {
                var certificate = await certificates.VerifyAsync(code, ct);
                var bytes = pdf.Render(certificate, $"{request.Scheme}://{request.Host}/verify/{certificate.Code}");
                return TypedResults.File(bytes, "application/pdf", $"certificate-{certificate.Code}.pdf");
            })
            .WithTags("学习 Learning").WithSummary("证书 PDF（A4，含核验二维码，内嵌中文字体）");
    }

    internal static string Me(ClaimsPrincipal user) => user.UserId() ?? throw new ForbiddenException("请先登录。");

    internal static async Task<string> NameAsync(ClaimsPrincipal user, IAccountDirectory accounts, CancellationToken ct) =>
        (await accounts.DisplayNamesAsync([Me(user)], ct)).GetValueOrDefault(Me(user), "学员");
}
