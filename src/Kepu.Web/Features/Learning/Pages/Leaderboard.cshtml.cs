using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Regions;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Learning.Pages;

/// <summary>排行榜 by district (any of the 38) or by the reader's organisation.</summary>
public sealed class LeaderboardModel(Leaderboards boards, IRegionDirectory regions) : PageModel
{
    public Board? Board { get; private set; }
    public IReadOnlyList<DistrictInfo> Districts { get; private set; } = [];
    public string Scope { get; private set; } = "district";
    public string? Code { get; private set; }

    public async Task OnGetAsync(string? scope, string? code, CancellationToken ct)
    {
        Districts = await regions.DistrictsAsync(ct);
        Scope = scope == "organization" ? "organization" : "district";
        Code = string.IsNullOrEmpty(code) ? null : code;
        try
        {
            Board = await boards.BoardAsync(Scope, Code ?? (Scope == "district" && User.UserId() is null ? "500103" : null), User.UserId(), ct);
        }
        catch (ValidationFailedException e)
        {
            ModelState.AddProblem(e);
        }
    }
}
