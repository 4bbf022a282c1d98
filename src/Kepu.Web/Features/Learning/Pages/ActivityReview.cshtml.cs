using Kepu.Web.Features.Learning.Activities;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Learning.Pages;

/// <summary>审核科普活动: what the signed-in person may review (their organisations', their supervisees'; everything for administrators).</summary>
[Authorize]
public sealed class ActivityReviewModel(ScienceActivities activities) : PageModel
{
    public IReadOnlyList<ActivityView> Activities { get; private set; } = [];
    public string State { get; private set; } = "submitted";

    /// <summary>The activity whose form failed, so its error is shown next to it.</summary>
    public int? Failed { get; private set; }

    public async Task OnGetAsync(string? state, CancellationToken ct) => await LoadAsync(state, ct);

    public Task<IActionResult> OnPostApproveAsync(int id, decimal? hours, CancellationToken ct) =>
        ActAsync(id, async () =>
        {
            var a = await activities.ApproveAsync(id, User, new ApproveRequest(hours), ct);
            return $"已认定“{a.Title}”：{ActivityExport.Number(a.GrantedHours ?? 0)} 学时，{ActivityExport.Number(a.GrantedCredits ?? 0)} 学分，已记入账本第 {a.LedgerSequence} 条。";
        }, ct);

    public Task<IActionResult> OnPostReturnAsync(int id, string? reason, CancellationToken ct) =>
        ActAsync(id, async () => $"已退回“{(await activities.ReturnAsync(id, User, new ReturnRequest(reason), ct)).Title}”。", ct);

    private async Task<IActionResult> ActAsync(int id, Func<Task<string>> action, CancellationToken ct)
    {
        try
        {
            TempData["Message"] = await action();
            return RedirectToPage();
        }
        catch (Exception e) when (e is BusinessRuleException or ForbiddenException or ValidationFailedException or NotFoundException)
        {
            ModelState.AddProblem(e);
            Failed = id;
            await LoadAsync(null, ct);
            return Page();
        }
    }

    private async Task LoadAsync(string? state, CancellationToken ct)
    {
        State = string.IsNullOrEmpty(state) ? "submitted" : state;
        try
        {
            Activities = await activities.ToReviewAsync(User, State, ct);
        }
        catch (ValidationFailedException e)
        {
            ModelState.AddProblem(e);
        }
    }
}
