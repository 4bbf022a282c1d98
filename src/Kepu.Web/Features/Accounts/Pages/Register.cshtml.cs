using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Features.Regions;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Accounts.Pages;

public sealed class RegisterModel(Register register, IRegionDirectory regions, SignInManager<AppUser> signIn, UserManager<AppUser> users) : PageModel
{
    public sealed class InputModel
    {
        public string? UserName { get; set; }
        public string? DisplayName { get; set; }
        public string? Password { get; set; }
        public List<string> Audiences { get; set; } = [];
        public string? District { get; set; }
        public string? Town { get; set; }
        public List<string> Interests { get; set; } = [];
        public bool AcceptPrivacy { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public ProfileFields Fields { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (ElderMode.IsOn(HttpContext))
        {
            Input.Audiences = ["elderly"];
        }

        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            var result = await register.HandleAsync(new RegisterRequest
            {
                UserName = Input.UserName,
                DisplayName = Input.DisplayName,
                Password = Input.Password,
                Audiences = Input.Audiences,
                District = Input.District,
                Town = Input.Town,
                Interests = Input.Interests,
                PrivacyVersion = Input.AcceptPrivacy ? PrivacyNotice.CurrentVersion : "",
            }, "web", ct);

            var user = await users.FindByIdAsync(result.Id);
            await signIn.SignInAsync(user!, isPersistent: false);
            ElderMode.Remember(HttpContext, user!.ElderMode || ElderMode.IsOn(HttpContext));
            TempData["Message"] = "注册成功，欢迎来到科普重庆！";
            return LocalRedirect("/account/profile");
        }
        catch (ValidationFailedException e)
        {
            if (e.Errors.Remove("privacyVersion", out var privacy))
            {
                e.Errors["acceptPrivacy"] = privacy;
            }

            ModelState.Apply(e);
            await LoadAsync(ct);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Fields = await ProfileFields.LoadAsync(regions, Input.Audiences, Input.District, Input.Town, Input.Interests, ModelState, ct);
}
