using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Features.Regions;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Accounts.Admin;

[Authorize(Roles = Roles.Admin)]
public sealed class OrganizationModel(ManageOrganizations organizations, IRegionDirectory regions) : PageModel, IOrganizationForm
{
    [BindProperty] public OrganizationRequest Input { get; set; } = new();

    public OrganizationDetail Detail { get; private set; } = null!;
    public IReadOnlyList<DistrictInfo> Districts { get; private set; } = [];
    public string? MemberUserName { get; private set; }

    public string? ErrorFor(string key) => ModelState.ErrorFor(key);

    public async Task OnGetAsync(int id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        Input = new OrganizationRequest { Name = Detail.Name, Kind = Detail.Kind, District = Detail.District, ParentId = Detail.ParentId };
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        try
        {
            await organizations.UpdateAsync(id, Input, ct);
            TempData["Message"] = "机构信息已保存。";
            return RedirectToPage(new { id });
        }
        catch (ValidationFailedException e)
        {
            ModelState.Apply(e);
            await LoadAsync(id, ct);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostAddMemberAsync(int id, string? memberUserName, bool isManager, CancellationToken ct)
    {
        try
        {
            if (string.IsNullOrWhiteSpace(memberUserName))
            {
                throw new ValidationFailedException(new Dictionary<string, string[]> { ["userName"] = ["请填写用户名。"] });
            }

            await organizations.AddMemberAsync(id, memberUserName, isManager, ct);
            TempData["Message"] = "成员已添加。";
            return RedirectToPage(new { id });
        }
        catch (Exception e) when (e is ValidationFailedException or BusinessRuleException)
        {
            ModelState.AddModelError("memberUserName", e is ValidationFailedException v ? v.Errors.Values.First()[0] : e.Message);
            MemberUserName = memberUserName;
            await LoadAsync(id, ct);
            Input = new OrganizationRequest { Name = Detail.Name, Kind = Detail.Kind, District = Detail.District, ParentId = Detail.ParentId };
            return Page();
        }
    }

    public async Task<IActionResult> OnPostRemoveMemberAsync(int id, string userId, CancellationToken ct)
    {
        await organizations.RemoveMemberAsync(id, userId, ct);
        TempData["Message"] = "成员已移除。";
        return RedirectToPage(new { id });
    }

    private async Task LoadAsync(int id, CancellationToken ct)
    {
        Detail = await organizations.GetAsync(id, ct);
        Districts = await regions.DistrictsAsync(ct);
    }
}
