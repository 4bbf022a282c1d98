using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Features.Outreach.Caravans;
using Kepu.Web.Features.Outreach.Caravans.Entities;
using Kepu.Web.Features.Regions;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Outreach.Pages;

/// <summary>科普大篷车与流动科技馆排程: units, the plan builder and the plans (administrators act; district administrators look).</summary>
[Authorize(Roles = Roles.Admin + "," + Roles.DistrictAdmin)]
public sealed class CaravansModel(CaravanUnits units, CaravanPlans plans, CreateCaravanPlan create, IRegionDirectory regions, TimeProvider clock) : PageModel
{
    [BindProperty]
    public UnitForm Unit { get; set; } = new();

    [BindProperty]
    public PlanForm Input { get; set; } = new();

    public IReadOnlyList<UnitView> Units { get; private set; } = [];
    public IReadOnlyList<PlanSummary> Plans { get; private set; } = [];
    public IReadOnlyList<DistrictInfo> Districts { get; private set; } = [];
    public bool CanManage => User.IsInRole(Roles.Admin);

    public sealed class UnitForm
    {
        public string? Name { get; set; }
        public string? Kind { get; set; } = CaravanKinds.Caravan;
        public string? HomeDistrictCode { get; set; } = "500105";
        public List<int> Weekdays { get; set; } = [0, 1, 2, 3, 4];
    }

    public sealed class PlanForm
    {
        public string? Name { get; set; }
        public DateOnly? From { get; set; }
        public DateOnly? To { get; set; }
        public string? Targets { get; set; } = PlanTargetKinds.Remote;
        public List<int> UnitIds { get; set; } = [];
        public List<string> Districts { get; set; } = [];
        public int? TimeLimitSeconds { get; set; } = CreateCaravanPlan.DefaultSeconds;
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var today = Display.BeijingDay(clock.GetUtcNow().UtcDateTime);
        var next = new DateOnly(today.Year, ((today.Month - 1) / 3 * 3) + 1, 1).AddMonths(3);
        Input.From = next;
        Input.To = next.AddMonths(3).AddDays(-1);
        Input.Name = $"{next.Year} 年第 {((next.Month - 1) / 3) + 1} 季度边远区县巡展";
        Input.UnitIds = Units.Where(u => u.Active).Select(u => u.Id).ToList();
    }

    public async Task<IActionResult> OnPostUnitAsync(CancellationToken ct)
    {
        try
        {
            CaravansApi.EnsureAdmin(User);
            var mask = Unit.Weekdays.Where(d => d is >= 0 and < 7).Aggregate(0, (m, d) => m | (1 << d));
            var view = await units.CreateAsync(new UnitRequest(Unit.Name, Unit.Kind, Unit.HomeDistrictCode, mask, true), ct);
            TempData["Message"] = $"已添加“{view.Name}”（驻{view.HomeDistrictName}）。";
            return RedirectToPage();
        }
        catch (ValidationFailedException e)
        {
            ModelState.Apply(e, "Unit");
        }
        catch (Exception e) when (e is BusinessRuleException or ForbiddenException)
        {
            ModelState.AddProblem(e);
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostPlanAsync(CancellationToken ct)
    {
        try
        {
            CaravansApi.EnsureAdmin(User);
            var id = await create.HandleAsync(new PlanRequest(Input.Name, Input.From, Input.To, Input.Targets, Input.UnitIds, Input.Districts,
                Input.TimeLimitSeconds), User.UserId()!, ct);
            TempData["Message"] = "计划已生成（草稿）。核对后可以采用。";
            return Redirect($"/outreach/caravans/plans/{id}");
        }
        catch (ValidationFailedException e)
        {
            ModelState.Apply(e);
        }
        catch (Exception e) when (e is BusinessRuleException or ForbiddenException)
        {
            ModelState.AddProblem(e);
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Units = await units.ListAsync(false, ct);
        Plans = await plans.ListAsync(ct);
        Districts = await regions.DistrictsAsync(ct);
    }
}
