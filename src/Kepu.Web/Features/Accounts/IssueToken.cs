using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Identity;

namespace Kepu.Web.Features.Accounts;

public sealed record TokenRequest
{
    [Required(ErrorMessage = "请填写用户名。")]
    [StringLength(64, ErrorMessage = "用户名过长。")]
    public string? UserName { get; init; }

    [Required(ErrorMessage = "请填写密码。")]
    [StringLength(128, ErrorMessage = "密码过长。")]
    public string? Password { get; init; }
}

/// <summary>Checks a user name and password (counting failures towards the lockout) and returns the principal for a bearer token.</summary>
internal sealed class IssueToken(UserManager<AppUser> users, SignInManager<AppUser> signIn)
{
    public async Task<ClaimsPrincipal?> HandleAsync(TokenRequest request)
    {
        RequestValidator.For(request).ThrowIfInvalid();
        var user = await users.FindByNameAsync(request.UserName!.Trim());
        if (user is null || user.IsDeleted)
        {
            return null;
        }

        var result = await signIn.CheckPasswordSignInAsync(user, request.Password!, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            throw new LockedOutException();
        }

        return result.Succeeded ? await signIn.CreateUserPrincipalAsync(user) : null;
    }
}

internal sealed class LockedOutException() : Exception("连续输错密码次数过多，账号已暂时锁定，请 15 分钟后再试。");
