using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.Identity;

namespace Kepu.Web.Features.Accounts;

/// <summary>Creates an administrator from the command line (the first administrator in production).</summary>
internal sealed class CreateAdmin(AppDbContext db, UserManager<AppUser> users, TimeProvider clock)
{
    public async Task HandleAsync(string userName, string password, CancellationToken ct = default)
    {
        if (await users.FindByNameAsync(userName) is not null)
        {
            throw new BusinessRuleException($"用户名“{userName}”已存在。");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var user = new AppUser { UserName = userName, DisplayName = "管理员", CreatedAt = now, Audiences = ["officials"] };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        IdentityChecks.Ensure(await users.CreateAsync(user, password), "password");
        IdentityChecks.Ensure(await users.AddToRoleAsync(user, Roles.Admin), "roles");
        await tx.CommitAsync(ct);
    }
}
