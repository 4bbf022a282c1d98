using Kepu.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Library.Pages;

public sealed class DiffModel(GetContent get) : PageModel
{
    public int Id { get; private set; }
    public VersionDiff Diff { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, int from, int to, CancellationToken ct)
    {
        Id = id;
        try
        {
            Diff = await get.DiffAsync(id, from, to, User, ct);
            return Page();
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }
}
