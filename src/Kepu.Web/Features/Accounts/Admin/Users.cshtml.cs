using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Features.Regions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Accounts.Admin;

[Authorize(Roles = Roles.Admin)]
public sealed class UsersModel(ManageUsers users, IRegionDirectory regions) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Role { get; set; }
    [BindProperty(SupportsGet = true)] public string? District { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public UserPage Result { get; private set; } = null!;
    public IReadOnlyList<DistrictInfo> Districts { get; private set; } = [];

    public string DistrictName(string? code) => Districts.FirstOrDefault(d => d.Code == code)?.Name ?? code ?? "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        Districts = await regions.DistrictsAsync(ct);
        Result = await users.ListAsync(new UserFilter(Q, Role, District, PageNumber), ct);
    }
}
