using System.Security.Claims;
using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Features.Contests.Entities;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Contests;

/// <summary>Who may do what in contests, and the audit trail every change writes.</summary>
public static class ContestAccess
{
    /// <summary>Editors of the science association and administrators run calls (DESIGN §1).</summary>
    public static bool Runs(ClaimsPrincipal user) => user.IsInRole(Roles.Editor) || user.IsInRole(Roles.Admin);

    public static string Me(ClaimsPrincipal user) => user.UserId() ?? throw new ForbiddenException("请先登录。");

    public static void EnsureRuns(ClaimsPrincipal user)
    {
        if (!Runs(user))
        {
            throw new ForbiddenException("只有科协编辑和管理员可以组织征集与评审。");
        }
    }

    public static async Task<ContestCall> LoadCallAsync(AppDbContext db, int id, CancellationToken ct) =>
        await db.Set<ContestCall>().FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException($"征集 {id} 不存在。");

    /// <summary>A call as the public may see it: a draft is visible only to those who run calls.</summary>
    public static async Task<ContestCall> LoadVisibleCallAsync(AppDbContext db, int id, ClaimsPrincipal user, CancellationToken ct)
    {
        var call = await LoadCallAsync(db, id, ct);
        return call.IsPublic || Runs(user) ? call : throw new NotFoundException($"征集 {id} 不存在。");
    }

    public static void Audit(AppDbContext db, int callId, string actor, string action, string detail, DateTime now) =>
        db.Add(new ContestAudit(callId, actor, action, detail.Length > 1000 ? detail[..1000] : detail, now));
}
