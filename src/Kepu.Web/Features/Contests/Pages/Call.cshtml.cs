using Kepu.Web.Features.Contests.Calls;
using Kepu.Web.Features.Contests.Voting;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Contests.Pages;

/// <summary>A call: what it asks for, who may enter, its phases, rubric and awards; the ballot while voting is open.</summary>
public sealed class CallModel(CallDesk desk, Votes votes) : PageModel
{
    public CallView Call { get; private set; } = null!;

    public IReadOnlyList<VotingEntryView> Ballot { get; private set; } = [];

    public bool Runs { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct);

    public async Task<IActionResult> OnPostVoteAsync(int id, int entryId, CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }

        try
        {
            var result = await votes.VoteAsync(entryId, User, HttpContext.Connection.RemoteIpAddress, ct);
            TempData["Message"] = $"{result.Message}今天还可以投 {result.VotesLeftToday} 票。";
            return RedirectToPage(new { id });
        }
        catch (Exception e) when (e is BusinessRuleException or ForbiddenException or ValidationFailedException)
        {
            ModelState.AddProblem(e);
        }

        return await LoadAsync(id, ct);
    }

    private async Task<IActionResult> LoadAsync(int id, CancellationToken ct)
    {
        try
        {
            Call = await desk.GetAsync(id, User, ct);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }

        Runs = ContestAccess.Runs(User);
        if (Call.Voting)
        {
            Ballot = await votes.BallotAsync(id, User, ct);
        }

        return Page();
    }
}
