using System.Security.Claims;
using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Kepu.Web.Infrastructure.Web;

namespace Kepu.Web.Features.Accounts;

public sealed record VerificationRequest(bool? Verified);

public sealed record VerificationView(string UserId, string UserName, bool Verified, DateTime? VerifiedAt);

/// <summary>
/// 实名核验: the platform sends no SMS, so an account is verified when an administrator, or the district administrator of the district the
/// person lives in, has checked their identity (e.g. at a 科协 service point). Verified accounts may vote in contests.
/// </summary>
public sealed class AccountVerification(AppDbContext db, TimeProvider clock)
{
    public async Task<VerificationView> SetAsync(string userId, VerificationRequest request, ClaimsPrincipal actor, CancellationToken ct = default)
    {
        var user = await db.Set<AppUser>().FirstOrDefaultAsync(u => u.Id == userId && u.DeletedAt == null, ct) ?? throw new NotFoundException("用户不存在。");
        if (!actor.IsInRole(Roles.Admin) && (user.DistrictCode is null || !actor.CanManageDistrict(user.DistrictCode)))
        {
            throw new ForbiddenException("只能核验本区县居民的账号。");
        }

        if (request.Verified is not { } verified)
        {
            throw new ValidationFailedException(new Dictionary<string, string[]> { ["verified"] = ["请说明是核验通过（true）还是撤销核验（false）。"] });
        }

        user.VerifiedAt = verified ? clock.GetUtcNow().UtcDateTime : null;
        user.VerifiedBy = verified ? actor.UserId() : null;
        await db.SaveChangesAsync(ct);
        return new VerificationView(user.Id, user.UserName!, verified, user.VerifiedAt);
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPut("/api/v1/accounts/{id}/verification", async Task<Ok<VerificationView>> (string id, VerificationRequest request, ClaimsPrincipal user,
                AccountVerification verification, CancellationToken ct) => TypedResults.Ok(await verification.SetAsync(id, request, user, ct)))
            .RequireApiUser(Roles.Admin, Roles.DistrictAdmin).WithTags("管理 Admin")
            .WithSummary("实名核验：管理员或本区县管理员确认账号持有人身份（核验后可以参加公众投票）");
}
