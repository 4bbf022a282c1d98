using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Features.Outreach.Caravans;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Outreach.Pages;

/// <summary>One plan: its table and map, exports, adopting it, and the result of each stop.</summary>
[Authorize(Roles = Roles.Admin + "," + Roles.DistrictAdmin)]
public sealed class PlanModel(CaravanPlans plans) : PageModel
{
    public PlanView Plan { get; private set; } = null!;
    public PlanMap Map { get; private set; } = null!;
    public bool CanManage => User.IsInRole(Roles.Admin);

    public async Task OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct);

    public async Task<IActionResult> OnPostAdoptAsync(int id, CancellationToken ct) =>
        await ActAsync(id, async () =>
        {
            CaravansApi.EnsureAdmin(User);
            await plans.AdoptAsync(id, ct);
            return "计划已采用：这些日子已为各单元占用，可以导出日历发给带队人员。";
        }, ct);

    public async Task<IActionResult> OnPostStopAsync(int id, int visit, string state, CancellationToken ct) =>
        await ActAsync(id, async () =>
        {
            var stop = await plans.UpdateStopAsync(visit, state, User, ct);
            return $"{stop.UnitName} 第 {stop.Sequence} 站（{stop.TargetName}）已登记为{stop.StatusLabel}。";
        }, ct);

    private async Task<IActionResult> ActAsync(int id, Func<Task<string>> action, CancellationToken ct)
    {
        try
        {
            TempData["Message"] = await action();
            return Redirect($"/outreach/caravans/plans/{id}");
        }
        catch (Exception e) when (e is BusinessRuleException or ForbiddenException or ValidationFailedException)
        {
            ModelState.AddProblem(e);
        }

        await LoadAsync(id, ct);
        return Page();
    }

    private async Task LoadAsync(int id, CancellationToken ct)
    {
        Plan = await plans.GetAsync(id, User, ct);
        Map = PlanMap.Draw(Plan);
    }
}
