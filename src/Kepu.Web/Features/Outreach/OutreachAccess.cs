using System.Security.Claims;
using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Kepu.Web.Features.Outreach;

/// <summary>Who may run what in outreach: the district rule of <see cref="KepuClaims"/>, plus an organisation's own staff.</summary>
public sealed class OutreachAccess(IAccountDirectory accounts)
{
    public static string Me(ClaimsPrincipal user) => user.UserId() ?? throw new ForbiddenException("请先登录。");

    /// <summary>The organisations whose staff the person is: those they manage, and (with the 机构 role) those they belong to.</summary>
    public async Task<IReadOnlyList<int>> StaffOrganizationIdsAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (user.UserId() is not { } me)
        {
            return [];
        }

        var ids = (await accounts.ManagedOrganizationIdsAsync(me, ct)).ToList();
        if (user.IsInRole(Roles.Organization))
        {
            ids.AddRange(await accounts.OrganizationIdsAsync(me, ct));
        }

        return ids.Distinct().ToList();
    }

    public async Task<bool> IsStaffAsync(ClaimsPrincipal user, int organizationId, CancellationToken ct) =>
        (await StaffOrganizationIdsAsync(user, ct)).Contains(organizationId);

    /// <summary>Administrators anywhere, the district's administrator, and the staff of the organisation in charge.</summary>
    public async Task<bool> ManagesAsync(ClaimsPrincipal user, string districtCode, int? organizationId, CancellationToken ct) =>
        user.CanManageDistrict(districtCode) || (organizationId is { } org && await IsStaffAsync(user, org, ct));
}

/// <summary>Serialises writers that check a limit before they write (venue capacity).</summary>
internal static class RowLock
{
    /// <summary>
    /// Opens a transaction in which the row <paramref name="id"/> of <paramref name="table"/> is held until commit: on PostgreSQL
    /// by <c>SELECT … FOR UPDATE</c>; on SQLite the transaction itself starts with <c>BEGIN IMMEDIATE</c> (Microsoft.Data.Sqlite's
    /// default), which already admits one writer at a time.
    /// </summary>
    public static async Task<IDbContextTransaction> BeginAsync(AppDbContext db, string table, int id, CancellationToken ct)
    {
        var tx = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.IsNpgsql())
        {
            // The table name is a constant of the caller, never input.
#pragma warning disable EF1002
            await db.Database.ExecuteSqlRawAsync($"SELECT 1 FROM {table} WHERE \"Id\" = {{0}} FOR UPDATE", [id], ct);
#pragma warning restore EF1002
        }

        return tx;
    }
}
