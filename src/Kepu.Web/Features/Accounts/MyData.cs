using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Features.Regions.Entities;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Accounts;

public sealed record ConsentView(string Version, string Channel, DateTime AcceptedAt);

public sealed record MyDataExport(
    DateTime ExportedAt,
    ProfileView Profile,
    IReadOnlyList<ConsentView> PrivacyConsents,
    object Security,
    IReadOnlyList<object> DistrictChangesMade,
    IReadOnlyDictionary<string, object> Records);

/// <summary>
/// 我的数据 (PIPL art. 45): everything stored about the person, as JSON; and account deletion
/// (art. 47), which removes or anonymises personal data.
/// </summary>
public sealed class MyData(AppDbContext db, Profile profile, UserManager<AppUser> users, IEnumerable<IPersonalDataSource> sources, TimeProvider clock)
{
    public async Task<MyDataExport> ExportAsync(string userId, CancellationToken ct = default)
    {
        var view = await profile.GetAsync(userId, ct);
        var user = await db.Set<AppUser>().AsNoTracking().FirstAsync(u => u.Id == userId, ct);
        var consents = await db.Set<PrivacyConsent>().AsNoTracking()
            .Where(c => c.UserId == userId)
            .OrderBy(c => c.Id)
            .Select(c => new ConsentView(c.Version, c.Channel, c.AcceptedAt))
            .ToListAsync(ct);

        // Changes this person made as an administrator are records about them too.
        var changes = await db.Set<DistrictChange>().AsNoTracking()
            .Where(c => c.ChangedBy == user.UserName)
            .OrderBy(c => c.Id)
            .Select(c => new { c.DistrictCode, c.Field, c.OldValue, c.NewValue, c.ChangedAt })
            .ToListAsync(ct);

        var security = new
        {
            user.Email,
            user.PhoneNumber,
            user.AccessFailedCount,
            LockoutEnd = user.LockoutEnd?.UtcDateTime,
            PasswordStored = "仅保存不可逆的密码摘要，不保存密码本身",
        };

        // What the other modules keep about the person (reading, learning ...), each in its own section.
        var records = new Dictionary<string, object>();
        foreach (var source in sources)
        {
            records[source.Section] = await source.ExportAsync(userId, ct);
        }

        return new MyDataExport(clock.GetUtcNow().UtcDateTime, view, consents, security, [.. changes], records);
    }

    /// <summary>Deletes the account after checking the password; the person is signed out by the caller.</summary>
    public async Task DeleteAsync(string userId, string? password, CancellationToken ct = default)
    {
        var user = await db.Set<AppUser>().FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null || user.IsDeleted)
        {
            throw new NotFoundException("账号不存在或已注销。");
        }

        if (string.IsNullOrEmpty(password) || !await users.CheckPasswordAsync(user, password))
        {
            throw new ValidationFailedException(new Dictionary<string, string[]> { ["password"] = ["密码不正确，账号未注销。"] });
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var roles = await users.GetRolesAsync(user);
        if (roles.Contains(Roles.Admin) && (await users.GetUsersInRoleAsync(Roles.Admin)).Count(u => !u.IsDeleted) <= 1)
        {
            throw new BusinessRuleException("您是唯一的管理员，请先指定另一位管理员再注销。");
        }

        await db.Set<OrganizationMember>().Where(m => m.UserId == userId).ExecuteDeleteAsync(ct);
        await db.Set<IdentityUserRole<string>>().Where(r => r.UserId == userId).ExecuteDeleteAsync(ct);
        await db.Set<IdentityUserClaim<string>>().Where(r => r.UserId == userId).ExecuteDeleteAsync(ct);
        await db.Set<IdentityUserLogin<string>>().Where(r => r.UserId == userId).ExecuteDeleteAsync(ct);
        await db.Set<IdentityUserToken<string>>().Where(r => r.UserId == userId).ExecuteDeleteAsync(ct);
        user.Anonymise(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }
}
