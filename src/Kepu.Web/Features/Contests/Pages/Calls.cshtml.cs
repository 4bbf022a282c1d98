using Kepu.Web.Features.Contests.Calls;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Contests.Pages;

/// <summary>征集与评选: the open calls, those in review, and published results.</summary>
public sealed class CallsModel(CallDesk desk) : PageModel
{
    public IReadOnlyList<CallSummary> Calls { get; private set; } = [];

    public string? Kind { get; private set; }

    public bool Runs { get; private set; }

    public async Task OnGetAsync(string? kind, CancellationToken ct)
    {
        Kind = kind;
        Runs = ContestAccess.Runs(User);
        Calls = await desk.ListAsync(User, kind, null, ct);
    }
}
