using Kepu.Web.Features.Contests.Review;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Contests.Pages;

/// <summary>Scoring one entry: the work without names, a score per criterion within its range, a comment; or recusal.</summary>
[Authorize]
public sealed class ReviewEntryModel(Reviewing reviewing) : PageModel
{
    public AssignmentView Assignment { get; private set; } = null!;

    /// <summary>What the reviewer typed, shown again when something was out of range.</summary>
    public Dictionary<int, string> Typed { get; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct);

    public async Task<IActionResult> OnPostAsync(int id, Dictionary<int, string>? scores, string? comment, CancellationToken ct)
    {
        var parsed = new Dictionary<int, int>();
        foreach (var (criterion, text) in scores ?? [])
        {
            Typed[criterion] = text;
            if (int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value))
            {
                parsed[criterion] = value;
            }
        }

        try
        {
            await reviewing.ScoreAsync(id, new ScoreRequest(parsed, comment), User, ct);
            TempData["Message"] = "评分已保存。本轮结束前还可以修改。";
            return RedirectToPage(new { id });
        }
        catch (ValidationFailedException e)
        {
            foreach (var (field, messages) in e.Errors)
            {
                ModelState.AddModelError(field, string.Join(" ", messages));
            }
        }
        catch (Exception e) when (e is BusinessRuleException)
        {
            ModelState.AddProblem(e);
        }

        return await LoadAsync(id, ct);
    }

    public async Task<IActionResult> OnPostRecuseAsync(int id, string? reason, CancellationToken ct)
    {
        try
        {
            TempData["Message"] = "已回避：" + await reviewing.RecuseAsync(id, new RecuseRequest(reason), User, ct) + "。";
            return Redirect("/contests/review");
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
            Assignment = await reviewing.GetAsync(id, User, ct);
            return Page();
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }
}
