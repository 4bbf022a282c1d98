using Kepu.Web.Features.Accounts;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Learning.Pages;

/// <summary>考试: the exams set for the person's unit, to start or see the result of.</summary>
[Authorize]
public sealed class ExamsModel(Exams exams) : PageModel
{
    public IReadOnlyList<ExamCard> Exams { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Exams = await exams.MineAsync(User.UserId()!, ct);

    public async Task<IActionResult> OnPostStartAsync(int id, CancellationToken ct)
    {
        try
        {
            return Redirect($"/learn/exams/attempts/{await exams.StartAsync(id, User.UserId()!, ct)}");
        }
        catch (Exception e) when (e is BusinessRuleException or ForbiddenException or NotFoundException)
        {
            ModelState.AddProblem(e);
            Exams = await exams.MineAsync(User.UserId()!, ct);
            return Page();
        }
    }
}
