using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Learning.Entities;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Learning.Pages;

/// <summary>我的学习: points, streak, today's points against the caps, certificates, and consent to be named on boards.</summary>
[Authorize]
public sealed class MeModel(Leaderboards boards, Certificates certificates) : PageModel
{
    public MyProgress Mine { get; private set; } = null!;
    public IReadOnlyList<Certificate> Certificates { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Mine = await boards.MineAsync(User.UserId()!, ct);
        Certificates = await certificates.MineAsync(User.UserId()!, ct);
    }

    public async Task<IActionResult> OnPostConsentAsync(bool showName, CancellationToken ct)
    {
        await boards.ConsentAsync(User.UserId()!, showName, ct);
        TempData["Message"] = showName ? "排行榜上会显示您的名字。" : "排行榜上将显示为“匿名学员”。";
        return RedirectToPage();
    }
}
