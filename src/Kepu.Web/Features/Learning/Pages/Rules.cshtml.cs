using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Learning.Pages;

/// <summary>积分规则 for administrators: points per action and the daily cap, in one table.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class RulesModel(PointRules rules) : PageModel
{
    public IReadOnlyList<PointRuleView> Rules { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Rules = await rules.ListAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var current = await rules.ListAsync(ct);
        var changes = current.Select(r => new PointRuleChange(r.Kind,
            int.TryParse(Request.Form[$"points_{r.Kind}"], out var p) ? p : -1,
            int.TryParse(Request.Form[$"cap_{r.Kind}"], out var c) ? c : -1)).ToList();
        try
        {
            await rules.UpdateAsync(changes, ct);
            TempData["Message"] = "积分规则已保存。";
            return RedirectToPage();
        }
        catch (ValidationFailedException e)
        {
            ModelState.AddProblem(e);
            Rules = current;
            return Page();
        }
    }
}
