using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Features.Outreach.Experts;
using Kepu.Web.Features.Regions;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Outreach.Pages;

/// <summary>An expert's own entry in the pool.</summary>
[Authorize(Roles = Roles.Expert)]
public sealed class ExpertMeModel(ExpertPool pool, IRegionDirectory regions) : PageModel
{
    [BindProperty]
    public string? HomeDistrict { get; set; }

    [BindProperty]
    public List<string> Teams { get; set; } = [];

    [BindProperty]
    public string? Branch { get; set; }

    [BindProperty]
    public string? Dialects { get; set; }

    [BindProperty]
    public List<string> Served { get; set; } = [];

    [BindProperty]
    public List<int> Weekdays { get; set; } = [];

    [BindProperty]
    public int? MaxPerMonth { get; set; }

    [BindProperty]
    public string? Bio { get; set; }

    public IReadOnlyList<DistrictInfo> Districts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var me = await pool.GetAsync(User.UserId()!, ct);
        (HomeDistrict, Teams, Branch, Dialects, Served, Weekdays, MaxPerMonth, Bio) =
            (me.HomeDistrict, [.. me.Teams], me.Branch, string.Join("、", me.Dialects), [.. me.DistrictsServed], [.. me.Weekdays], me.MaxPerMonth, me.Bio);
        Districts = await regions.DistrictsAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            var dialects = (Dialects ?? "").Split(['、', ',', '，', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            await pool.SaveAsync(User.UserId()!, new ExpertProfileRequest(HomeDistrict, Teams, Branch, dialects, Served, Weekdays, MaxPerMonth, Bio), User, ct);
            TempData["Message"] = "专家信息已保存。";
            return Redirect("/outreach/experts");
        }
        catch (Exception e) when (e is ValidationFailedException or ForbiddenException)
        {
            ModelState.AddProblem(e);
        }

        Districts = await regions.DistrictsAsync(ct);
        return Page();
    }
}
