using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Insights.Survey.Pages;

/// <summary>参加科学素质调查: the profile questions, then the questionnaire; once per person, scored on the server.</summary>
[Authorize]
public sealed class TakeModel(OnlineSurvey survey) : PageModel
{
    public Questionnaire? Questionnaire { get; private set; }
    public OnlineResult? Result { get; private set; }

    [BindProperty]
    public ProfileInput Profile { get; set; } = new();

    public sealed class ProfileInput
    {
        public string? District { get; set; }
        public string? Urban { get; set; }
        public string? Sex { get; set; }
        public string? AgeGroup { get; set; }
        public string? Education { get; set; }
    }

    public IReadOnlyList<Regions.DistrictInfo> Districts { get; private set; } = [];

    public async Task OnGetAsync([FromServices] Regions.IRegionDirectory regions, CancellationToken ct)
    {
        Questionnaire = await survey.CurrentAsync(User, ct);
        Districts = await regions.DistrictsAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(int waveId, [FromServices] Regions.IRegionDirectory regions, CancellationToken ct)
    {
        var answers = new Dictionary<int, IReadOnlyList<int>>();
        foreach (var (key, values) in Request.Form)
        {
            if (key.StartsWith('q') && int.TryParse(key[1..], System.Globalization.CultureInfo.InvariantCulture, out var id))
            {
                answers[id] = [.. values.Select(v => int.TryParse(v, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : -1).Where(n => n >= 0)];
            }
        }

        try
        {
            Result = await survey.SubmitAsync(waveId, new OnlineAnswers(Profile.District, Profile.Urban, Profile.Sex, Profile.AgeGroup, Profile.Education, answers), User, ct);
        }
        catch (ValidationFailedException e)
        {
            ModelState.Apply(e, "Profile");
            ModelState.AddProblem(e);
        }
        catch (BusinessRuleException e)
        {
            ModelState.AddProblem(e);
        }

        Questionnaire = await survey.CurrentAsync(User, ct);
        Districts = await regions.DistrictsAsync(ct);
        return Page();
    }
}
