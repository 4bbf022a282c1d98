using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Accounts.Pages;

[Authorize]
public sealed class PasswordModel(ChangePassword change, SignInManager<AppUser> signIn, UserManager<AppUser> users) : PageModel
{
    public sealed class InputModel
    {
        public string? CurrentPassword { get; set; }
        public string? NewPassword { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        try
        {
            await change.HandleAsync(User.UserId()!, new ChangePasswordRequest { CurrentPassword = Input.CurrentPassword, NewPassword = Input.NewPassword });
            // The password change renewed the security stamp; refresh this device's cookie so it stays signed in.
            await signIn.RefreshSignInAsync((await users.FindByIdAsync(User.UserId()!))!);
            TempData["Message"] = "密码已修改。";
            return LocalRedirect("/account/profile");
        }
        catch (ValidationFailedException e)
        {
            ModelState.Apply(e);
            return Page();
        }
    }
}
