using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Features.Regions;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Accounts.Admin;

public sealed record UserRow(string Id, string UserName, string? DisplayName, string? District, IReadOnlyList<string> Roles,
    string? ManagedDistrict, bool LockedOut, DateTime CreatedAt, IReadOnlyList<string>? Disciplines = null);

public sealed record UserPage(IReadOnlyList<UserRow> Rows, int Total, int Page, int PageSize);

public sealed record UserFilter(string? Query, string? Role, string? District, int Page = 1, int PageSize = 50);

/// <summary>Administrators list accounts, set roles (binding a district administrator to a district), lock and unlock.</summary>
public sealed class ManageUsers(AppDbContext db, UserManager<AppUser> users, IRegionDirectory regions, TimeProvider clock)
{
    public async Task<UserPage> ListAsync(UserFilter filter, CancellationToken ct = default)
    {
        var q = db.Set<AppUser>().AsNoTracking().Where(u => u.DeletedAt == null);
        if (!string.IsNullOrWhiteSpace(filter.Query))
        {
            var term = filter.Query.Trim().ToUpperInvariant();
            q = q.Where(u => u.NormalizedUserName!.Contains(term) || (u.DisplayName != null && u.DisplayName.Contains(filter.Query.Trim())));
        }

        if (!string.IsNullOrWhiteSpace(filter.District))
        {
            q = q.Where(u => u.DistrictCode == filter.District || u.ManagedDistrictCode == filter.District);
        }

        if (!string.IsNullOrWhiteSpace(filter.Role))
        {
            var roleId = await db.Set<IdentityRole>().Where(r => r.Name == filter.Role).Select(r => r.Id).FirstOrDefaultAsync(ct);
            q = q.Where(u => db.Set<IdentityUserRole<string>>().Any(ur => ur.UserId == u.Id && ur.RoleId == roleId));
        }

        var page = Math.Max(1, filter.Page);
        var size = Math.Clamp(filter.PageSize, 1, 200);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderBy(u => u.CreatedAt).ThenBy(u => u.UserName).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var roleMap = await (from ur in db.Set<IdentityUserRole<string>>()
                             join r in db.Set<IdentityRole>() on ur.RoleId equals r.Id
                             where ids.Contains(ur.UserId)
                             select new { ur.UserId, r.Name }).ToListAsync(ct);
        var now = clock.GetUtcNow();
        return new UserPage(
            rows.Select(u => new UserRow(u.Id, u.UserName!, u.DisplayName, u.DistrictCode,
                [.. roleMap.Where(x => x.UserId == u.Id).Select(x => x.Name!).Order()], u.ManagedDistrictCode,
                u.LockoutEnd > now, u.CreatedAt)).ToList(),
            total, page, size);
    }

    public async Task<UserRow> GetAsync(string id, CancellationToken ct = default)
    {
        var user = await FindAsync(id);
        var roles = await users.GetRolesAsync(user);
        return new UserRow(user.Id, user.UserName!, user.DisplayName, user.DistrictCode, [.. roles.Order()], user.ManagedDistrictCode,
            user.LockoutEnd > clock.GetUtcNow(), user.CreatedAt, user.Disciplines);
    }

    /// <summary>Replaces the user's roles. A district administrator must be bound to an existing district.</summary>
    public async Task SetRolesAsync(string id, IReadOnlyCollection<string> roles, string? managedDistrict, string actingUserId, CancellationToken ct = default)
    {
        var unknown = roles.Where(r => !Roles.All.Contains(r)).ToList();
        if (unknown.Count > 0)
        {
            throw new ValidationFailedException(new Dictionary<string, string[]> { ["roles"] = [$"未知角色：{string.Join("、", unknown)}。"] });
        }

        if (roles.Contains(Roles.DistrictAdmin) && await regions.FindDistrictAsync(managedDistrict, ct) is null)
        {
            throw new ValidationFailedException(new Dictionary<string, string[]> { ["managedDistrict"] = ["区县管理员必须绑定一个区县。"] });
        }

        var user = await FindAsync(id);
        var current = await users.GetRolesAsync(user);
        if (id == actingUserId && current.Contains(Roles.Admin) && !roles.Contains(Roles.Admin))
        {
            throw new BusinessRuleException("不能取消自己的管理员角色，请让另一位管理员操作。");
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        IdentityChecks.Ensure(await users.RemoveFromRolesAsync(user, current.Except(roles)), "roles");
        IdentityChecks.Ensure(await users.AddToRolesAsync(user, roles.Except(current)), "roles");
        user.ManagedDistrictCode = roles.Contains(Roles.DistrictAdmin) ? managedDistrict : null;

        // A new security stamp makes existing cookies re-validate, so the new roles apply promptly.
        IdentityChecks.Ensure(await users.UpdateSecurityStampAsync(user), "roles");
        await tx.CommitAsync(ct);
    }

    /// <summary>An expert's review disciplines: topic names of the taxonomy (a top-level topic covers its sub-topics).</summary>
    public async Task SetDisciplinesAsync(string id, IReadOnlyList<string> disciplines, CancellationToken ct = default)
    {
        var clean = disciplines.Select(d => d.Trim()).Where(d => d.Length > 0).Distinct().ToList();
        if (clean.Any(d => d.Length > 32 || Infrastructure.Validation.TextRules.HasControlCharacters(d) || Infrastructure.Validation.TextRules.HasMarkup(d)))
        {
            throw new ValidationFailedException(new Dictionary<string, string[]> { ["disciplines"] = ["审核领域每项不超过 32 个字，且不能含 HTML。"] });
        }

        var user = await FindAsync(id);
        user.Disciplines = clean;
        IdentityChecks.Ensure(await users.UpdateAsync(user), "disciplines");
        _ = ct;
    }

    public async Task SetLockedAsync(string id, bool locked, string actingUserId)
    {
        if (id == actingUserId && locked)
        {
            throw new BusinessRuleException("不能锁定自己的账号。");
        }

        var user = await FindAsync(id);
        await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null);
        if (!locked)
        {
            await users.ResetAccessFailedCountAsync(user);
        }

        await users.UpdateSecurityStampAsync(user);
    }

    private async Task<AppUser> FindAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        return user is null || user.IsDeleted ? throw new NotFoundException("用户不存在。") : user;
    }
}
