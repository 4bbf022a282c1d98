using Kepu.Web.Features.Contests.Results;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Contests.Pages;

/// <summary>公示 and 公布: the ranking with awards; during 公示, the objection form.</summary>
public sealed class ResultsModel(ResultDesk results, Objections objections) : PageModel
{
    public ResultsView Results { get; private set; } = null!;
    public IReadOnlyList<ObjectionView> Mine { get; private set; } = [];
    public string? Refused { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct);

    public async Task<IActionResult> OnPostObjectAsync(int id, int? entryId, string? text, CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }

        try
        {
            await objections.FileAsync(id, new ObjectionRequest(entryId, text), User, ct);
            TempData["Message"] = "异议已提交，组织方会在公示期内答复。";
            return RedirectToPage(new { id });
        }
        catch (Exception e) when (e is ValidationFailedException or BusinessRuleException)
        {
            ModelState.AddProblem(e);
        }

        return await LoadAsync(id, ct);
    }

    private async Task<IActionResult> LoadAsync(int id, CancellationToken ct)
    {
        try
        {
            Results = await results.ResultsAsync(id, User, ct);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (BusinessRuleException e)
        {
            Refused = e.Message;
            return Page();
        }

        if (User.Identity?.IsAuthenticated == true)
        {
            Mine = await objections.ListAsync(id, User, ct);
        }

        return Page();
    }
}
