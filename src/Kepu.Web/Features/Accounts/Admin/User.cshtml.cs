using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Features.Regions;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Accounts.Admin;

[Authorize(Roles = Roles.Admin)]
public sealed class UserModel(ManageUsers users, IRegionDirectory regions) : PageModel
{
    public UserRow Row { get; private set; } = null!;
    public IReadOnlyList<DistrictInfo> Districts { get; private set; } = [];

    public async Task OnGetAsync(string id, CancellationToken ct) => await LoadAsync(id, ct);

    public async Task<IActionResult> OnPostRolesAsync(string id, List<string> roles, string? managedDistrict, CancellationToken ct)
    {
        try
        {
            await users.SetRolesAsync(id, roles, managedDistrict, User.UserId()!, ct);
            TempData["Message"] = "角色已保存。";
            return RedirectToPage(new { id });
        }
        catch (Exception e) when (e is ValidationFailedException or BusinessRuleException)
        {
            ModelState.AddProblem(e);
            await LoadAsync(id, ct);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostDisciplinesAsync(string id, string? disciplines, CancellationToken ct)
    {
        try
        {
            await users.SetDisciplinesAsync(id, (disciplines ?? "").Split(['、', ',', '，'], StringSplitOptions.RemoveEmptyEntries), ct);
            TempData["Message"] = "审核领域已保存。";
            return RedirectToPage(new { id });
        }
        catch (ValidationFailedException e)
        {
            ModelState.AddModelError(string.Empty, string.Join(" ", e.Errors.SelectMany(x => x.Value)));
            await LoadAsync(id, ct);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostLockAsync(string id, bool locked, CancellationToken ct)
    {
        try
        {
            await users.SetLockedAsync(id, locked, User.UserId()!);
            TempData["Message"] = locked ? "账号已锁定。" : "已解除锁定。";
            return RedirectToPage(new { id });
        }
        catch (BusinessRuleException e)
        {
            ModelState.AddModelError(string.Empty, e.Message);
            await LoadAsync(id, ct);
            return Page();
        }
    }

    private async Task LoadAsync(string id, CancellationToken ct)
    {
        Row = await users.GetAsync(id, ct);
        Districts = await regions.DistrictsAsync(ct);
    }
}
