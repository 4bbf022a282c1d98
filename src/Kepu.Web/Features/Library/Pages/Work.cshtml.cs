using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Library.Pages;

[Authorize]
public sealed class WorkModel(ContentWorkbench workbench) : PageModel
{
    public IReadOnlyList<(string Heading, IReadOnlyList<WorkRow> Rows)> Sections { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Sections = await workbench.SectionsAsync(User, ct);
}
