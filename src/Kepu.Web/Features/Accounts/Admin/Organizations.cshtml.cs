using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Features.Regions;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Accounts.Admin;

[Authorize(Roles = Roles.Admin)]
public sealed class OrganizationsModel(ManageOrganizations organizations, IRegionDirectory regions) : PageModel, IOrganizationForm
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty] public OrganizationRequest Input { get; set; } = new();

    public IReadOnlyList<OrganizationRow> Rows { get; private set; } = [];
    public IReadOnlyList<DistrictInfo> Districts { get; private set; } = [];

    public string DistrictName(string? code) => Districts.FirstOrDefault(d => d.Code == code)?.Name ?? "";

    public string? ErrorFor(string key) => ModelState.ErrorFor(key);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            var id = await organizations.CreateAsync(Input, ct);
            TempData["Message"] = "机构已创建。";
            return Redirect($"/admin/organizations/{id}");
        }
        catch (ValidationFailedException e)
        {
            ModelState.Apply(e);
            await LoadAsync(ct);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Districts = await regions.DistrictsAsync(ct);
        Rows = await organizations.ListAsync(Q, Kind, ct);
    }
}
