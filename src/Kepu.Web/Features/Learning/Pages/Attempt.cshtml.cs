using Kepu.Web.Features.Accounts;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Learning.Pages;

/// <summary>An exam paper: the questions with shuffled options, the server's countdown, 交卷, then the result.</summary>
[Authorize]
public sealed class AttemptModel(Exams exams, IAccountDirectory accounts) : PageModel
{
    public ExamPaper Paper { get; private set; } = null!;

    public async Task OnGetAsync(long id, CancellationToken ct) => Paper = await exams.PaperAsync(id, User.UserId()!, ct);

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        var me = User.UserId()!;
        try
        {
            Paper = await exams.SubmitAsync(id, me, (await accounts.DisplayNamesAsync([me], ct)).GetValueOrDefault(me, "学员"), QuizForm.Answers(Request.Form), ct);
        }
        catch (BusinessRuleException e)
        {
            ModelState.AddProblem(e);
            Paper = await exams.PaperAsync(id, me, ct);
        }

        return Page();
    }
}
