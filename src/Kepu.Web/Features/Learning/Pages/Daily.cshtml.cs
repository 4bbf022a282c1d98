using Kepu.Web.Features.Accounts;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Learning.Pages;

/// <summary>每日答题 on a page: today's five, answered in one go, with the right answers and why.</summary>
[Authorize]
public sealed class DailyModel(Practice practice) : PageModel
{
    public DailySet Set { get; private set; } = null!;
    public DailyResult? Result { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Set = await practice.DailyAsync(User.UserId()!, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            Result = await practice.SubmitDailyAsync(User.UserId()!, QuizForm.Answers(Request.Form), ct);
        }
        catch (Exception e) when (e is ValidationFailedException or BusinessRuleException)
        {
            ModelState.AddProblem(e);
        }

        Set = await practice.DailyAsync(User.UserId()!, ct);
        return Page();
    }

    public AnswerResult? AnswerFor(int id) => Result?.Answers.FirstOrDefault(a => a.QuestionId == id);
}
