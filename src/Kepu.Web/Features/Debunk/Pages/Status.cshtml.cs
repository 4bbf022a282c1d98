using Kepu.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Debunk.Pages;

/// <summary>A submission's progress, found by its tracking code.</summary>
public sealed class StatusModel(ClaimStatuses statuses) : PageModel
{
    public ClaimStatus Claim { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        try
        {
            Claim = await statuses.FindAsync(code, ct);
            return Page();
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }
}
