using Kepu.Web.Features.Accounts;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Learning.Pages;

/// <summary>挑战答题: one question at a time against the server's 45-second clock; the page counts down when it can.</summary>
[Authorize]
public sealed class ChallengeModel(Practice practice) : PageModel
{
    public ChallengeView? Run { get; private set; }

    public async Task OnGetAsync(long? run, CancellationToken ct)
    {
        if (run is { } id)
        {
            Run = await practice.ChallengeAsync(id, User.UserId()!, ct);
        }
    }

    public async Task<IActionResult> OnPostStartAsync(CancellationToken ct)
    {
        var view = await practice.StartChallengeAsync(User.UserId()!, ct);
        return Redirect($"/learn/challenge?run={view.RunId}");
    }

    public async Task<IActionResult> OnPostAnswerAsync(long run, int question, CancellationToken ct)
    {
        try
        {
            Run = await practice.AnswerChallengeAsync(run, User.UserId()!, question, QuizForm.Answers(Request.Form).GetValueOrDefault(question) ?? [], ct);
        }
        catch (Exception e) when (e is BusinessRuleException or NotFoundException)
        {
            ModelState.AddProblem(e);
            Run = await practice.ChallengeAsync(run, User.UserId()!, ct);
        }

        return Page();
    }
}
