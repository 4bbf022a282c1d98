using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Features.Library.Entities;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Library.Pages;

[Authorize(Roles = $"{Roles.Editor},{Roles.Admin}")]
public sealed class TopicsModel(Taxonomy taxonomy, EditTaxonomy edit) : PageModel
{
    public IReadOnlyList<Topic> All { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => All = await taxonomy.AllAsync(ct);

    public Task<IActionResult> OnPostAddAsync(string? name, int? parentId, CancellationToken ct) =>
        ActAsync(() => edit.AddAsync(name, parentId, User, ct), "主题已新增。", ct);

    public Task<IActionResult> OnPostRenameAsync(int id, string? name, CancellationToken ct) =>
        ActAsync(() => edit.RenameAsync(id, name, User, ct), "主题已改名，相关内容和专家审核领域已同步。", ct);

    private async Task<IActionResult> ActAsync(Func<Task> action, string done, CancellationToken ct)
    {
        try
        {
            await action();
            TempData["Message"] = done;
            return RedirectToPage();
        }
        catch (Exception e) when (e is ValidationFailedException or NotFoundException)
        {
            ModelState.AddProblem(e);
            All = await taxonomy.AllAsync(ct);
            return Page();
        }
    }
}
