using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Insights.Survey.Pages;

/// <summary>科学素质调查: the waves, and a new one.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class WavesModel(SurveyWaves waves, TimeProvider clock) : PageModel
{
    public IReadOnlyList<WaveView> Waves { get; private set; } = [];

    [BindProperty]
    public int? Year { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Year = Display.BeijingDay(clock.GetUtcNow().UtcDateTime).Year;
        Title = $"{Year} 年重庆市公民科学素质调查";
        Waves = await waves.ListAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            var view = await waves.CreateAsync(new WaveRequest(Year, Title), User, ct);
            TempData["Message"] = "已新建调查，问卷已从题库抽好。下一步：导入人口边际和问卷数据。";
            return Redirect($"/insights/survey/{view.Id}");
        }
        catch (Exception e) when (e is ValidationFailedException or BusinessRuleException)
        {
            ModelState.AddProblem(e);
        }

        Waves = await waves.ListAsync(ct);
        return Page();
    }
}
