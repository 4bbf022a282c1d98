using System.ComponentModel.DataAnnotations;
using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Identity;

namespace Kepu.Web.Features.Accounts;

public sealed record ChangePasswordRequest
{
    [Required(ErrorMessage = "请输入当前密码。")]
    public string? CurrentPassword { get; init; }

    [Required(ErrorMessage = "请输入新密码。")]
    [StringLength(64, MinimumLength = 8, ErrorMessage = "新密码需要 8 到 64 位。")]
    public string? NewPassword { get; init; }
}

public sealed class ChangePassword(UserManager<AppUser> users)
{
    public async Task HandleAsync(string userId, ChangePasswordRequest request)
    {
        RequestValidator.For(request).ThrowIfInvalid();
        var user = await users.FindByIdAsync(userId);
        if (user is null || user.IsDeleted)
        {
            throw new NotFoundException("账号不存在或已注销。");
        }

        var result = await users.ChangePasswordAsync(user, request.CurrentPassword!, request.NewPassword!);
        if (!result.Succeeded)
        {
            var field = result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)) ? "currentPassword" : "newPassword";
            throw new ValidationFailedException(new Dictionary<string, string[]> { [field] = result.Errors.Select(e => e.Description).ToArray() });
        }
    }
}
