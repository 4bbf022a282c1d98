using System.Security.Claims;
using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kepu.Web.Features.Accounts;

/// <summary>
/// Bearer tokens are self-contained, so without this a token would outlive a password change, a role
/// change, an administrator's lock or an account deletion. For API requests the token's security stamp is compared with
/// the account's current one; a stale token becomes anonymous (401). Cookies are checked by Identity's
/// own security-stamp validator.
/// </summary>
internal sealed class BearerStampCheck(IHttpContextAccessor http, AppDbContext db, AccountSnapshots snapshots, IOptions<IdentityOptions> options) : IClaimsTransformation
{
    private const string CheckedKey = "kepu:bearer-stamp-checked";

    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        var context = http.HttpContext;
        if (context is null || principal.Identity?.IsAuthenticated != true || !context.Request.Path.StartsWithSegments("/api"))
        {
            return principal;
        }

        if (context.Items.TryGetValue(CheckedKey, out var done) && done is ClaimsPrincipal checkedPrincipal)
        {
            return checkedPrincipal;
        }

        var id = principal.FindFirstValue(options.Value.ClaimsIdentity.UserIdClaimType);
        var stamp = principal.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType);
        var user = id is null ? null : await snapshots.GetAsync(db, id);
        // An administrator's lock, a role change and a password change all renew the stamp.
        var valid = user is not null && !user.Deleted && user.SecurityStamp == stamp;
        var result = valid ? principal : new ClaimsPrincipal(new ClaimsIdentity());
        context.Items[CheckedKey] = result;
        return result;
    }
}
