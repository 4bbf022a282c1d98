using System.Security.Claims;
using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Kepu.Web.Features.Accounts;

public static class KepuClaims
{
    /// <summary>The district a district administrator manages.</summary>
    public const string ManagedDistrict = "kepu:managed_district";
    public const string DisplayName = "kepu:display_name";

    public static string? UserId(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    public static string? ManagedDistrictCode(this ClaimsPrincipal user) => user.FindFirstValue(ManagedDistrict);

    /// <summary>
    /// The per-district rule every district-scoped action calls: administrators act anywhere,
    /// a district administrator only in the district they are bound to, nobody else.
    /// </summary>
    public static bool CanManageDistrict(this ClaimsPrincipal user, string districtCode) =>
        user.IsInRole(Roles.Admin)
        || (user.IsInRole(Roles.DistrictAdmin) && user.ManagedDistrictCode() == districtCode);

    public static void EnsureCanManageDistrict(this ClaimsPrincipal user, string districtCode)
    {
        if (!user.CanManageDistrict(districtCode))
        {
            throw new ForbiddenException(user.IsInRole(Roles.DistrictAdmin)
                ? "区县管理员只能管理本区县的数据。"
                : "只有管理员或该区县的区县管理员可以执行此操作。");
        }
    }
}

/// <summary>Adds the managed district and display name to the sign-in principal (cookie and bearer token).</summary>
internal sealed class KepuClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.ManagedDistrictCode is { } district)
        {
            identity.AddClaim(new Claim(KepuClaims.ManagedDistrict, district));
        }

        identity.AddClaim(new Claim(KepuClaims.DisplayName, user.DisplayName ?? user.UserName ?? ""));
        return identity;
    }
}
