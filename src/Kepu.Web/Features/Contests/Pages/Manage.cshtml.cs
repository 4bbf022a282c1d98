using Kepu.Web.Features.Contests.Calls;
using Kepu.Web.Features.Contests.Results;
using Kepu.Web.Features.Contests.Review;
using Kepu.Web.Features.Contests.Voting;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Contests.Pages;

/// <summary>
/// 组织评审: the organisers' desk for one call — publish it, open a round (panel, k, advancement rule), follow progress, close it
/// (normalised ranking), rank for 公示, answer objections, publish, and read the audit trail.
/// </summary>
[Authorize]
public sealed class ManageModel(CallDesk calls, RoundDesk rounds, RoundClosing closing, Votes votes, ResultDesk results, Objections objections,
    Publication publication, AuditTrail audit) : PageModel
{
    public CallView Call { get; private set; } = null!;
    public IReadOnlyList<RoundView> Rounds { get; private set; } = [];
    public IReadOnlyList<FlaggedVotesView> VoteReport { get; private set; } = [];
    public IReadOnlyList<ObjectionView> ObjectionList { get; private set; } = [];
    public IReadOnlyList<AuditRow> Audit { get; private set; } = [];

    [BindProperty]
    public RoundInput Round { get; set; } = new();

    public sealed class RoundInput
    {
        public string? Reviewers { get; set; }
        public int? K { get; set; } = 3;
        public int? AdvanceTopN { get; set; }
        public double? AdvanceThreshold { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct);

    public Task<IActionResult> OnPostOpenCallAsync(int id, CancellationToken ct) => ActAsync(id, () => calls.OpenAsync(id, User, ct), "征集已发布。", ct);

    public Task<IActionResult> OnPostOpenRoundAsync(int id, CancellationToken ct) => ActAsync(id, () => rounds.OpenAsync(id, new OpenRoundRequest(
        (Round.Reviewers ?? "").Split(['\n', ',', '，', ' ', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), Round.K,
        Round.AdvanceTopN, Round.AdvanceThreshold), User, ct), "评审已开始，作品已分配，评审专家收到了通知。", ct);

    public Task<IActionResult> OnPostCloseRoundAsync(int id, CancellationToken ct) => ActAsync(id, () => closing.CloseAsync(id, User, ct), "本轮评审已结束，排名和晋级结果见下表。", ct);

    public Task<IActionResult> OnPostRankAsync(int id, CancellationToken ct) => ActAsync(id, () => results.RankAsync(id, User, ct), "最终排名已生成，开始公示。", ct);

    public Task<IActionResult> OnPostAnswerAsync(int id, int objectionId, string? answer, bool? upheld, CancellationToken ct) =>
        ActAsync(id, () => objections.AnswerAsync(objectionId, new AnswerRequest(answer, upheld), User, ct), "异议已答复。", ct);

    public Task<IActionResult> OnPostPublishAsync(int id, CancellationToken ct) =>
        ActAsync(id, () => publication.PublishAsync(id, User, ct), "结果已公布：获奖作品已进入科普资源库，证书已颁发。", ct);

    private async Task<IActionResult> ActAsync<T>(int id, Func<Task<T>> action, string message, CancellationToken ct)
    {
        if (!ContestAccess.Runs(User))
        {
            return Forbid();
        }

        try
        {
            await action();
            TempData["Message"] = message;
            return RedirectToPage(new { id });
        }
        catch (ValidationFailedException e)
        {
            ModelState.Apply(e, "Round");
            ModelState.AddProblem(e);
        }
        catch (BusinessRuleException e)
        {
            ModelState.AddProblem(e);
        }

        return await LoadAsync(id, ct);
    }

    private async Task<IActionResult> LoadAsync(int id, CancellationToken ct)
    {
        if (!ContestAccess.Runs(User))
        {
            return Forbid();
        }

        try
        {
            Call = await calls.GetAsync(id, User, ct);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }

        var list = new List<RoundView>();
        for (var n = 1; n <= Call.CurrentRound; n++)
        {
            list.Add(await closing.GetAsync(id, n, User, ct));
        }

        Rounds = list;
        if (Call.Phases.Any(p => p.Code == "vote") && Call.Stage != "draft")
        {
            VoteReport = await votes.ReportAsync(id, User, ct);
        }

        ObjectionList = await objections.ListAsync(id, User, ct);
        Audit = await audit.ListAsync(id, User, ct);
        return Page();
    }
}
