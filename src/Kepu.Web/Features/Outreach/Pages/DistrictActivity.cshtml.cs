using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Outreach.Pages;

/// <summary>乡镇覆盖: a district administrator's towns × months table of events, participants and caravan stops.</summary>
[Authorize(Roles = $"{Roles.DistrictAdmin},{Roles.Admin}")]
public sealed class DistrictActivityModel(DistrictActivity activity) : PageModel
{
    public DistrictActivityView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string? code, CancellationToken ct)
    {
        try
        {
            View = await activity.GetAsync(User, code, ct);
            return Page();
        }
        catch (ForbiddenException)
        {
            return Forbid();
        }
        catch (Exception e) when (e is NotFoundException or ValidationFailedException)
        {
            return NotFound();
        }
    }
}
