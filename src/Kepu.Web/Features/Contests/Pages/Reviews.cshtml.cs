using Kepu.Web.Features.Contests.Review;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Contests.Pages;

/// <summary>我的评审任务: a reviewer's assignments, without any entrant's name.</summary>
[Authorize]
public sealed class ReviewsModel(Reviewing reviewing) : PageModel
{
    public IReadOnlyList<AssignmentSummary> Assignments { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Assignments = await reviewing.MineAsync(User, ct);
}
