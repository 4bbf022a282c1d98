using Kepu.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features;

public sealed class IndexModel : PageModel
{
    public string DisplayName => User.FindFirst(KepuClaims.DisplayName)?.Value ?? User.Identity?.Name ?? "";

    public void OnGet()
    {
    }
}
