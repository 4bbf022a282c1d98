using System.Security.Claims;
using Kepu.Web.Features.Contests.Calls;
using Kepu.Web.Features.Contests.Entries;
using Kepu.Web.Features.Contests.Results;
using Kepu.Web.Features.Contests.Review;
using Kepu.Web.Features.Contests.Voting;
using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kepu.Web.Features.Contests;

internal static class ContestsApi
{
    public static void MapContestsApi(this IEndpointRouteBuilder app)
    {
        var calls = app.MapGroup("/api/v1/contests").WithTags("征集评选 Contests");
        calls.MapGet("/", async Task<Ok<IReadOnlyList<CallSummary>>> (string? kind, string? stage, ClaimsPrincipal user, CallDesk desk, CancellationToken ct) =>
                TypedResults.Ok(await desk.ListAsync(user, kind, stage, ct)))
            .WithSummary("征集列表：kind = creation（科普作品创作）/ skills（职业技能竞赛）/ wuxiao（五小）/ award（评选表彰）；stage 筛选阶段");
        calls.MapGet("/{id:int}", async Task<Ok<CallView>> (int id, ClaimsPrincipal user, CallDesk desk, CancellationToken ct) =>
                TypedResults.Ok(await desk.GetAsync(id, user, ct)))
            .WithSummary("一个征集：阶段日期、类别、申报条件、评分标准、奖项与资助");
        calls.MapPost("/", async Task<Created<CallView>> (CallRequest request, ClaimsPrincipal user, CallDesk desk, CancellationToken ct) =>
            {
                var view = await desk.CreateAsync(request, user, ct);
                return TypedResults.Created($"/api/v1/contests/{view.Id}", view);
            })
            .RequireApiUser().WithSummary("新建征集（草稿；编辑、管理员）");
        calls.MapPut("/{id:int}", async Task<Ok<CallView>> (int id, CallRequest request, ClaimsPrincipal user, CallDesk desk, CancellationToken ct) =>
                TypedResults.Ok(await desk.EditAsync(id, request, user, ct)))
            .RequireApiUser().WithSummary("修改征集（评审开始前；编辑、管理员）");
        calls.MapPost("/{id:int}/open", async Task<Ok<CallView>> (int id, ClaimsPrincipal user, CallDesk desk, CancellationToken ct) =>
                TypedResults.Ok(await desk.OpenAsync(id, user, ct)))
            .RequireApiUser().WithSummary("发布征集（编辑、管理员）");

        calls.MapPost("/{id:int}/entries", async Task<Created<EntryView>> (int id, EntryRequest request, ClaimsPrincipal user, Submissions submissions,
                CancellationToken ct) =>
            {
                var view = await submissions.SubmitAsync(id, request, user, ct);
                return TypedResults.Created($"/api/v1/contests/entries/{view.Id}", view);
            })
            .RequireApiUser().WithSummary("提交作品：文件先用 /api/v1/media 或 /api/v1/uploads 上传，再在 files 中给出 /media/… 地址；截止后不再接收，返回回执编号");
        var entries = app.MapGroup("/api/v1/contests/entries").WithTags("征集评选 Contests").RequireApiUser();
        entries.MapGet("/mine", async Task<Ok<IReadOnlyList<EntryView>>> (ClaimsPrincipal user, Submissions submissions, CancellationToken ct) =>
                TypedResults.Ok(await submissions.MineAsync(user, ct)))
            .WithSummary("我的作品（含回执编号和状态）");
        entries.MapGet("/{id:int}", async Task<Ok<EntryView>> (int id, ClaimsPrincipal user, Submissions submissions, CancellationToken ct) =>
                TypedResults.Ok(await submissions.GetMineAsync(id, user, ct)))
            .WithSummary("我的一件作品");
        entries.MapPut("/{id:int}", async Task<Ok<EntryView>> (int id, EntryRequest request, ClaimsPrincipal user, Submissions submissions, CancellationToken ct) =>
                TypedResults.Ok(await submissions.EditAsync(id, request, user, ct)))
            .WithSummary("修改作品（截止前）");
        entries.MapPost("/{id:int}/withdraw", async Task<Ok<EntryView>> (int id, ClaimsPrincipal user, Submissions submissions, CancellationToken ct) =>
                TypedResults.Ok(await submissions.WithdrawAsync(id, user, ct)))
            .WithSummary("撤回作品（截止前）");
        entries.MapPost("/{id:int}/vote", async Task<Ok<VoteResult>> (int id, ClaimsPrincipal user, HttpContext http, Votes votes, CancellationToken ct) =>
                TypedResults.Ok(await votes.VoteAsync(id, user, http.Connection.RemoteIpAddress, ct)))
            .RequireRateLimiting(RateLimits.Vote)
            .WithSummary("公众投票：实名核验的账号每天每件作品一票，每天最多 10 票");

        var review = app.MapGroup("/api/v1/contests").WithTags("征集评审 Review").RequireApiUser();
        review.MapPost("/{id:int}/conflicts", async Task<NoContent> (int id, DeclareConflictRequest request, ClaimsPrincipal user, RoundDesk desk, CancellationToken ct) =>
            {
                await desk.DeclareConflictAsync(id, request, user, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("评审专家申报回避：需要回避的人或单位名称（分配作品时排除）");
        review.MapPost("/{id:int}/rounds", async Task<Ok<RoundView>> (int id, OpenRoundRequest request, ClaimsPrincipal user, RoundDesk desk, CancellationToken ct) =>
                TypedResults.Ok(await desk.OpenAsync(id, request, user, ct)))
            .WithSummary("开始下一轮评审：评审组（专家用户名）、每件作品评审人数 k、晋级规则；自动排除利益冲突并均衡分配（编辑、管理员）");
        review.MapGet("/{id:int}/rounds/{number:int}", async Task<Ok<RoundView>> (int id, int number, ClaimsPrincipal user, RoundClosing closing, CancellationToken ct) =>
                TypedResults.Ok(await closing.GetAsync(id, number, user, ct)))
            .WithSummary("一轮评审的进度、标准分、排名与异常评分（编辑、管理员）");
        review.MapPost("/{id:int}/rounds/close", async Task<Ok<RoundView>> (int id, ClaimsPrincipal user, RoundClosing closing, CancellationToken ct) =>
                TypedResults.Ok(await closing.CloseAsync(id, user, ct)))
            .WithSummary("结束本轮：按评审标准化（z 分数）排名，按规则晋级（编辑、管理员）");
        review.MapGet("/reviews", async Task<Ok<IReadOnlyList<AssignmentSummary>>> (ClaimsPrincipal user, Reviewing reviewing, CancellationToken ct) =>
                TypedResults.Ok(await reviewing.MineAsync(user, ct)))
            .WithSummary("我的评审任务（双盲：不显示作者）");
        review.MapGet("/reviews/{id:int}", async Task<Ok<AssignmentView>> (int id, ClaimsPrincipal user, Reviewing reviewing, CancellationToken ct) =>
                TypedResults.Ok(await reviewing.GetAsync(id, user, ct)))
            .WithSummary("一个评审任务：作品（不含作者信息）、评分标准、我的评分");
        review.MapPut("/reviews/{id:int}", async Task<Ok<AssignmentView>> (int id, ScoreRequest request, ClaimsPrincipal user, Reviewing reviewing, CancellationToken ct) =>
                TypedResults.Ok(await reviewing.ScoreAsync(id, request, user, ct)))
            .WithSummary("提交评分：scores 为 {评分项 id: 分数}，每项须在范围内；comment 评语");
        review.MapPost("/reviews/{id:int}/recuse", async Task<Ok<string>> (int id, RecuseRequest request, ClaimsPrincipal user, Reviewing reviewing, CancellationToken ct) =>
                TypedResults.Ok(await reviewing.RecuseAsync(id, request, user, ct)))
            .WithSummary("发现利益冲突时回避：作品改派给其他评审");

        var results = app.MapGroup("/api/v1/contests").WithTags("征集结果 Results");
        results.MapGet("/{id:int}/ballot", async Task<Ok<IReadOnlyList<VotingEntryView>>> (int id, ClaimsPrincipal user, Votes votes, CancellationToken ct) =>
                TypedResults.Ok(await votes.BallotAsync(id, user, ct)))
            .WithSummary("投票作品列表（不显示作者）与有效票数");
        results.MapGet("/{id:int}/votes", async Task<Ok<IReadOnlyList<FlaggedVotesView>>> (int id, ClaimsPrincipal user, Votes votes, CancellationToken ct) =>
                TypedResults.Ok(await votes.ReportAsync(id, user, ct)))
            .RequireApiUser().WithSummary("投票核查：每件作品的有效票、异常票及原因（编辑、管理员）");
        results.MapPost("/{id:int}/rank", async Task<Ok<ResultsView>> (int id, ClaimsPrincipal user, ResultDesk desk, CancellationToken ct) =>
                TypedResults.Ok(await desk.RankAsync(id, user, ct)))
            .RequireApiUser().WithSummary("最终排名并开始公示（编辑、管理员）");
        results.MapGet("/{id:int}/results", async Task<Ok<ResultsView>> (int id, ClaimsPrincipal user, ResultDesk desk, CancellationToken ct) =>
                TypedResults.Ok(await desk.ResultsAsync(id, user, ct)))
            .WithSummary("结果：排名、得分、投票、奖项（公示起公开）");
        results.MapPost("/{id:int}/objections", async Task<Ok<ObjectionView>> (int id, ObjectionRequest request, ClaimsPrincipal user, Objections objections,
                CancellationToken ct) => TypedResults.Ok(await objections.FileAsync(id, request, user, ct)))
            .RequireApiUser().WithSummary("公示期内提出异议");
        results.MapGet("/{id:int}/objections", async Task<Ok<IReadOnlyList<ObjectionView>>> (int id, ClaimsPrincipal user, Objections objections, CancellationToken ct) =>
                TypedResults.Ok(await objections.ListAsync(id, user, ct)))
            .RequireApiUser().WithSummary("异议与答复（组织方看全部，其他人看自己提出的）");
        results.MapPost("/objections/{id:int}/answer", async Task<Ok<ObjectionView>> (int id, AnswerRequest request, ClaimsPrincipal user, Objections objections,
                CancellationToken ct) => TypedResults.Ok(await objections.AnswerAsync(id, request, user, ct)))
            .RequireApiUser().WithSummary("答复异议；upheld = true 时取消该作品奖项（编辑、管理员）");
        results.MapPost("/{id:int}/publish", async Task<Ok<ResultsView>> (int id, ClaimsPrincipal user, Publication publication, CancellationToken ct) =>
                TypedResults.Ok(await publication.PublishAsync(id, user, ct)))
            .RequireApiUser().WithSummary("公布结果：获奖作品进入科普资源库（许可与署名），获奖证书写入账本（编辑、管理员）");
        results.MapGet("/{id:int}/audit", async Task<Ok<IReadOnlyList<AuditRow>>> (int id, ClaimsPrincipal user, AuditTrail audit, CancellationToken ct) =>
                TypedResults.Ok(await audit.ListAsync(id, user, ct)))
            .RequireApiUser().WithSummary("审计记录：分配、评分、改分、回避、晋级、排名、异议、公布（编辑、管理员）");
    }
}
