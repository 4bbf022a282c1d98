using Kepu.Web.Features.Contests.Entries;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Contests.Pages;

/// <summary>我申报的作品: receipts, status, edit and withdraw until the deadline.</summary>
[Authorize]
public sealed class MyEntriesModel(Submissions submissions) : PageModel
{
    public IReadOnlyList<EntryView> Entries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Entries = await submissions.MineAsync(User, ct);

    public async Task<IActionResult> OnPostWithdrawAsync(int entryId, CancellationToken ct)
    {
        try
        {
            await submissions.WithdrawAsync(entryId, User, ct);
            TempData["Message"] = "作品已撤回。";
            return RedirectToPage();
        }
        catch (Exception e) when (e is BusinessRuleException or NotFoundException)
        {
            ModelState.AddProblem(e);
        }

        await OnGetAsync(ct);
        return Page();
    }
}
