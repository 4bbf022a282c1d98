using Kepu.Web.Features.Accounts.Admin;
using Kepu.Web.Features.Accounts.Entities;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Admin;

[Authorize(Roles = Roles.Admin)]
public sealed class IndexModel(ManageUsers users, ManageOrganizations organizations) : PageModel
{
    public int Users { get; private set; }
    public int Organizations { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Users = (await users.ListAsync(new UserFilter(null, null, null, 1, 1), ct)).Total;
        Organizations = (await organizations.ListAsync(null, null, ct)).Count;
    }
}
