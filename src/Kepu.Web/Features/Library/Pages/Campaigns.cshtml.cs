using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Features.Library.Entities;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Library.Pages;

[Authorize(Roles = $"{Roles.Editor},{Roles.Admin}")]
public sealed class CampaignsModel(Campaigns campaigns, AppDbContext db) : PageModel
{
    public IReadOnlyList<CampaignView> List { get; private set; } = [];
    public IReadOnlyList<(int Id, string Title)> Published { get; private set; } = [];
    public string? Name { get; private set; }
    public string? Banner { get; private set; }
    public string? Starts { get; private set; }
    public string? Ends { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(string? name, string? banner, DateOnly? starts, DateOnly? ends, List<string> audiences,
        List<string> regionGroups, List<int> items, CancellationToken ct)
    {
        try
        {
            // Dates are Beijing days: a campaign runs from 00:00 of the first day to 24:00 of the last.
            await campaigns.CreateAsync(new CampaignRequest
            {
                Name = name, Banner = banner,
                StartsAt = starts?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-8),
                EndsAt = ends?.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-8),
                Audiences = audiences, RegionGroups = regionGroups, Items = items,
            }, User, ct);
            TempData["Message"] = "专题已创建。";
            return RedirectToPage();
        }
        catch (Exception e) when (e is ValidationFailedException or BusinessRuleException)
        {
            ModelState.AddProblem(e);
            (Name, Banner, Starts, Ends) = (name, banner, starts?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ends?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            await LoadAsync(ct);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        List = await campaigns.ListAsync(ct);
        Published = (await db.Set<ContentItem>().AsNoTracking().Where(c => c.Status == ContentStatus.Published)
            .OrderByDescending(c => c.PublishedAt).Take(300).Select(c => new { c.Id, c.Title }).ToListAsync(ct))
            .Select(x => (x.Id, x.Title)).ToList();
    }
}
