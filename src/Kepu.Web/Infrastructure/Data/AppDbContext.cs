using Kepu.Web.Features.Accounts.Entities;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Infrastructure.Data;

/// <summary>
/// The one database of the platform. Provider-specific subclasses exist only so that each provider
/// keeps its own migrations; the model is defined once, here and in the modules' configurations.
/// </summary>
public abstract class AppDbContext : IdentityDbContext<AppUser, IdentityRole, string>, IDataProtectionKeyContext
{
    protected AppDbContext(DbContextOptions options) : base(options)
    {
    }

    /// <summary>Cookie and token keys live in the database, so several web nodes can share them.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<DataProtectionKey>().ToTable("infra_data_protection_key");

        // Identity's tables belong to the Accounts module and follow the module_table naming rule.
        builder.Entity<AppUser>().ToTable("accounts_user");
        builder.Entity<IdentityRole>().ToTable("accounts_role");
        builder.Entity<IdentityUserRole<string>>().ToTable("accounts_user_role");
        builder.Entity<IdentityUserClaim<string>>().ToTable("accounts_user_claim");
        builder.Entity<IdentityUserLogin<string>>().ToTable("accounts_user_login");
        builder.Entity<IdentityUserToken<string>>().ToTable("accounts_user_token");
        builder.Entity<IdentityRoleClaim<string>>().ToTable("accounts_role_claim");

        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }
}
