using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Features.Outreach.Venues;
using Kepu.Web.Features.Regions;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Outreach.Pages;

/// <summary>登记或修改场馆 (the pages /venues/new and /venues/{id}/edit); the rights are checked by the use case.</summary>
[Authorize]
public sealed class VenueEditModel(VenueCatalog venues, IRegionDirectory regions, IAccountDirectory accounts, OutreachAccess access) : PageModel
{
    [BindProperty]
    public VenueForm Input { get; set; } = new();

    public int? Id { get; private set; }
    public IReadOnlyList<DistrictInfo> Districts { get; private set; } = [];
    public IReadOnlyList<TownInfo> Towns { get; private set; } = [];
    public IReadOnlyDictionary<int, string> Organizations { get; private set; } = new Dictionary<int, string>();

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        Id = id;
        if (id is { } existing)
        {
            var venue = await venues.GetAsync(existing, User, ct);
            if (!venue.CanManage)
            {
                throw new ForbiddenException("只有场馆的运营单位、所在区县的管理员和平台管理员可以修改这个场馆。");
            }

            Input = VenueForm.From(venue);
        }
        else
        {
            Input.DistrictCode = User.ManagedDistrictCode();
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        try
        {
            var view = id is { } existing ? await venues.UpdateAsync(existing, Input.ToRequest(), User, ct) : await venues.CreateAsync(Input.ToRequest(), User, ct);
            TempData["Message"] = $"已保存“{view.Name}”。";
            return Redirect($"/venues/{view.Id}");
        }
        catch (ValidationFailedException e)
        {
            ModelState.Apply(e);
        }
        catch (Exception e) when (e is BusinessRuleException or ForbiddenException or NotFoundException)
        {
            ModelState.AddProblem(e);
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Districts = await regions.DistrictsAsync(ct);
        Towns = Input.DistrictCode is { Length: > 0 } d ? await regions.TownsAsync(d, ct) : [];
        var ids = User.IsInRole(Roles.Admin) || User.IsInRole(Roles.DistrictAdmin)
            ? (await accounts.OrganizationTreeAsync(ct)).Select(o => o.Id).ToList()
            : await access.StaffOrganizationIdsAsync(User, ct);
        Organizations = await accounts.OrganizationNamesAsync(ids, ct);
    }
}
