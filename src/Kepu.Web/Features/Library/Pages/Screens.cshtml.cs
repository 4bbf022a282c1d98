using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Features.Library.Entities;
using Kepu.Web.Features.Regions;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Library.Pages;

[Authorize(Roles = $"{Roles.Editor},{Roles.Admin}")]
public sealed class ScreensModel(Screens screens, IRegionDirectory regions, AppDbContext db) : PageModel
{
    public IReadOnlyList<ScreenPlaylistView> List { get; private set; } = [];
    public IReadOnlyList<(int Id, string Title)> Published { get; private set; } = [];
    public IReadOnlyList<DistrictInfo> Districts { get; private set; } = [];
    public string? Name { get; private set; }

    public string DistrictName(string code) => Districts.FirstOrDefault(d => d.Code == code)?.Name ?? code;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(string? name, int? seconds, List<string> districts, List<int> items, CancellationToken ct)
    {
        try
        {
            var id = await screens.CreateAsync(new ScreenRequest { Name = name, SecondsPerItem = seconds, Districts = districts, Items = items }, User, ct);
            TempData["Message"] = $"播放列表已创建：/screens/{id}";
            return RedirectToPage();
        }
        catch (Exception e) when (e is ValidationFailedException or BusinessRuleException)
        {
            ModelState.AddProblem(e);
            Name = name;
            await LoadAsync(ct);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        List = await screens.ListAsync(ct);
        Districts = await regions.DistrictsAsync(ct);
        Published = (await db.Set<ContentItem>().AsNoTracking().Where(c => c.Status == ContentStatus.Published)
            .OrderByDescending(c => c.PublishedAt).Take(300).Select(c => new { c.Id, c.Title }).ToListAsync(ct))
            .Select(x => (x.Id, x.Title)).ToList();
    }
}
