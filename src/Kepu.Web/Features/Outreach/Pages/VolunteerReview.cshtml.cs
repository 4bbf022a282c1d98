using Kepu.Web.Features.Outreach.People;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Outreach.Pages;

/// <summary>确认志愿服务时长: the district's administrator or the organising organisation confirms (counted as 实绩) or declines with a reason.</summary>
[Authorize]
public sealed class VolunteerReviewModel(Volunteers volunteers) : PageModel
{
    public IReadOnlyList<HoursView> Hours { get; private set; } = [];
    public IReadOnlyList<VolunteerView> People { get; private set; } = [];
    public string State { get; private set; } = "submitted";
    public int? Failed { get; private set; }

    public async Task OnGetAsync(string? state, CancellationToken ct) => await LoadAsync(state, ct);

    public Task<IActionResult> OnPostConfirmAsync(int id, CancellationToken ct) =>
        ActAsync(id, async () =>
        {
            var h = await volunteers.ConfirmAsync(id, User, ct);
            return $"已确认{h.VolunteerName}的 {h.Hours:0.#} 小时“{h.Activity}”，已记入其科普工作实绩（账本第 {h.LedgerSequence} 条）。";
        }, ct);

    public Task<IActionResult> OnPostRejectAsync(int id, string? reason, CancellationToken ct) =>
        ActAsync(id, async () => $"已退回{(await volunteers.RejectAsync(id, new RejectRequest(reason), User, ct)).VolunteerName}的记录。", ct);

    private async Task<IActionResult> ActAsync(int id, Func<Task<string>> act, CancellationToken ct)
    {
        try
        {
            TempData["Message"] = await act();
            return RedirectToPage();
        }
        catch (Exception e) when (e is BusinessRuleException or ForbiddenException or ValidationFailedException or NotFoundException)
        {
            ModelState.AddProblem(e);
            Failed = id;
        }

        await LoadAsync(null, ct);
        return Page();
    }

    private async Task LoadAsync(string? state, CancellationToken ct)
    {
        State = string.IsNullOrEmpty(state) ? "submitted" : state;
        try
        {
            Hours = await volunteers.ToConfirmAsync(State, User, ct);
            People = User.IsInRole(Accounts.Entities.Roles.DistrictAdmin) || User.IsInRole(Accounts.Entities.Roles.Admin)
                ? await volunteers.ListAsync(null, null, null, User, ct)
                : [];
        }
        catch (Exception e) when (e is ValidationFailedException or ForbiddenException)
        {
            ModelState.AddProblem(e);
        }
    }
}
