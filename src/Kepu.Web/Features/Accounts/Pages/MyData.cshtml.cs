using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Accounts.Pages;

[Authorize]
public sealed class MyDataModel(MyData data, SignInManager<AppUser> signIn) : PageModel
{
    public string? Password { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnGetDownloadAsync(CancellationToken ct)
    {
        var file = MyDataFile.Create(await data.ExportAsync(User.UserId()!, ct));
        return File(file.FileContents.ToArray(), file.ContentType, file.FileDownloadName);
    }

    public async Task<IActionResult> OnPostDeleteAsync(string? password, CancellationToken ct)
    {
        try
        {
            await data.DeleteAsync(User.UserId()!, password, ct);
        }
        catch (ValidationFailedException e)
        {
            ModelState.AddModelError(nameof(Password), e.Errors.Values.First()[0]);
            return Page();
        }
        catch (BusinessRuleException e)
        {
            ModelState.AddModelError(string.Empty, e.Message);
            return Page();
        }

        await signIn.SignOutAsync();
        TempData["Message"] = "您的账号已注销，个人信息已删除。";
        return LocalRedirect("/");
    }
}
