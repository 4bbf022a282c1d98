using System.ComponentModel.DataAnnotations;
using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Accounts.Pages;

public sealed class LoginModel(SignInManager<AppUser> signIn, UserManager<AppUser> users) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "请填写用户名。")]
        [StringLength(64, ErrorMessage = "用户名过长。")]
        public string? UserName { get; set; }

        [Required(ErrorMessage = "请填写密码。")]
        [StringLength(128, ErrorMessage = "密码过长。")]
        public string? Password { get; set; }

        public bool RememberMe { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.FindByNameAsync(Input.UserName!.Trim());
        if (user is null || user.IsDeleted)
        {
            ModelState.AddModelError(string.Empty, "用户名或密码不正确。");
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(user, Input.Password!, Input.RememberMe, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            ModelState.AddModelError(string.Empty, "连续输错密码次数过多，账号已暂时锁定，请 15 分钟后再试。");
            return Page();
        }

        if (!result.Succeeded)
        {
            var left = users.Options.Lockout.MaxFailedAccessAttempts - await users.GetAccessFailedCountAsync(user);
            ModelState.AddModelError(string.Empty, left is > 0 and <= 3 ? $"用户名或密码不正确。再错 {left} 次账号将被暂时锁定。" : "用户名或密码不正确。");
            return Page();
        }

        ElderMode.Remember(HttpContext, user.ElderMode || ElderMode.IsOn(HttpContext));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/account/profile");
    }
}
