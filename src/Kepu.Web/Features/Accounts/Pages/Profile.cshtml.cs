using Kepu.Web.Features.Regions;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Accounts.Pages;

[Authorize]
public sealed class ProfileModel(Profile profile, IRegionDirectory regions) : PageModel
{
    public sealed class InputModel
    {
        public string? DisplayName { get; set; }
        public List<string> Audiences { get; set; } = [];
        public string? District { get; set; }
        public string? Town { get; set; }
        public List<string> Interests { get; set; } = [];
        public bool ElderMode { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public ProfileView View { get; private set; } = null!;
    public ProfileFields Fields { get; private set; } = null!;

    public string? ManagedDistrictName => Fields.Districts.FirstOrDefault(d => d.Code == View.ManagedDistrict)?.Name;

    public async Task OnGetAsync(CancellationToken ct)
    {
        View = await profile.GetAsync(User.UserId()!, ct);
        Input = new InputModel
        {
            DisplayName = View.DisplayName,
            Audiences = [.. View.Audiences],
            District = View.District,
            Town = View.Town,
            Interests = [.. View.Interests],
            ElderMode = View.ElderMode,
        };
        Fields = await ProfileFields.LoadAsync(regions, Input.Audiences, Input.District, Input.Town, Input.Interests, ModelState, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            var updated = await profile.UpdateAsync(User.UserId()!, new UpdateProfileRequest
            {
                DisplayName = Input.DisplayName,
                Audiences = Input.Audiences,
                District = Input.District,
                Town = Input.Town,
                Interests = Input.Interests,
                ElderMode = Input.ElderMode,
            }, ct);
            ElderMode.Remember(HttpContext, updated.ElderMode);
            TempData["Message"] = "资料已保存。";
            return RedirectToPage();
        }
        catch (ValidationFailedException e)
        {
            ModelState.Apply(e);
            View = await profile.GetAsync(User.UserId()!, ct);
            Fields = await ProfileFields.LoadAsync(regions, Input.Audiences, Input.District, Input.Town, Input.Interests, ModelState, ct);
            return Page();
        }
    }
}
