using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Outreach.People;
using Kepu.Web.Features.Regions;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Outreach.Pages;

/// <summary>科技特派员: who serves which towns of a district; the district's administrator appoints here.</summary>
public sealed class EnvoysModel(Envoys envoys, IRegionDirectory regions) : PageModel
{
    public IReadOnlyList<EnvoyView> Envoys { get; private set; } = [];
    public IReadOnlyList<DistrictInfo> Districts { get; private set; } = [];
    public IReadOnlyList<TownInfo> Towns { get; private set; } = [];
    public string? District { get; private set; }

    /// <summary>The caller may appoint envoys in <see cref="District"/>.</summary>
    public bool CanAppoint { get; private set; }

    [BindProperty]
    public AppointForm Input { get; set; } = new();

    public sealed class AppointForm
    {
        public string? UserName { get; set; }
        public string? Specialty { get; set; }
        public DateOnly? From { get; set; }
        public DateOnly? To { get; set; }
        public List<string> Towns { get; set; } = [];
        public string? Villages { get; set; }
    }

    public async Task OnGetAsync(string? district, CancellationToken ct)
    {
        var today = Display.BeijingDay(DateTime.UtcNow);
        (Input.From, Input.To) = (today, today.AddYears(1));
        await LoadAsync(district, ct);
    }

    public async Task<IActionResult> OnPostAsync(string? district, CancellationToken ct)
    {
        try
        {
            // The villages box names villages of the first town chosen: the common case of one town; the API takes villages per town.
            var villages = (Input.Villages ?? "").Split(['、', ',', '，', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var view = await envoys.AppointAsync(new EnvoyRequest
            {
                UserName = Input.UserName, DistrictCode = district, Specialty = Input.Specialty, From = Input.From, To = Input.To,
                Towns = [.. Input.Towns.Select((t, i) => new EnvoyTownRequest(t, i == 0 ? villages : []))],
            }, User, ct);
            TempData["Message"] = $"已派驻{view.Name}到{string.Join("、", view.Towns.Select(t => t.Name))}。";
            return Redirect($"/outreach/envoys?district={district}");
        }
        catch (ValidationFailedException e)
        {
            ModelState.Apply(e);
        }
        catch (Exception e) when (e is BusinessRuleException or ForbiddenException)
        {
            ModelState.AddProblem(e);
        }

        await LoadAsync(district, ct);
        return Page();
    }

    private async Task LoadAsync(string? district, CancellationToken ct)
    {
        Districts = await regions.DistrictsAsync(ct);
        District = string.IsNullOrEmpty(district) ? User.ManagedDistrictCode() : district;
        if (District is not null && Districts.All(d => d.Code != District))
        {
            District = null;
        }

        Envoys = await envoys.ListAsync(District, User, ct);
        CanAppoint = District is not null && User.CanManageDistrict(District);
        Towns = CanAppoint ? await regions.TownsAsync(District!, ct) : [];
    }
}
