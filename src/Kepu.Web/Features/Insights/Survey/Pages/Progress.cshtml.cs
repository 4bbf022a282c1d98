using Kepu.Web.Features.Accounts.Entities;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Insights.Survey.Pages;

/// <summary>进展: each year's estimate with its interval against the 2020 baseline and the 2025 and 2027 targets.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class ProgressModel(SurveyResults results) : PageModel
{
    public IReadOnlyList<ProgressPoint> Points { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Points = await results.ProgressAsync(User, ct);
}
