using Kepu.Web.Infrastructure.Data.Postgres;
using Kepu.Web.Infrastructure.Data.Sqlite;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Kepu.Web.Infrastructure.Data;

internal static class DataServices
{
    public static IServiceCollection AddKepuData(this IServiceCollection services)
    {
        // Read when first needed rather than while registering, so every configuration source
        // (including a test host's) is in place.
        services.AddSingleton(sp => DataOptions.FromConfiguration(
            sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>().ContentRootPath));
        // Modules register their own interceptors (cache eviction on save) as IInterceptor services.
        services.AddDbContext<SqliteAppDbContext>((sp, o) => o.UseSqlite(sp.GetRequiredService<DataOptions>().ConnectionString)
            .AddInterceptors([new SqlitePragmas(), .. sp.GetServices<IInterceptor>()]));
        services.AddDbContext<PostgresAppDbContext>((sp, o) => o.UseNpgsql(sp.GetRequiredService<DataOptions>().ConnectionString)
            .AddInterceptors(sp.GetServices<IInterceptor>()));
        services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<DataOptions>().IsSqlite
            ? sp.GetRequiredService<SqliteAppDbContext>()
            : sp.GetRequiredService<PostgresAppDbContext>());

        services.AddDataProtection().SetApplicationName("kepu").PersistKeysToDbContext<AppDbContext>();
        services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database", tags: ["ready"]);
        return services;
    }

    /// <summary>Creates the data directory, applies pending migrations and switches SQLite to WAL.</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        var options = services.GetRequiredService<DataOptions>();
        Directory.CreateDirectory(options.DataDirectory);

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (options.IsSqlite)
        {
            var file = new SqliteConnectionStringBuilder(options.ConnectionString).DataSource;
            if (!string.IsNullOrEmpty(file) && Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder)
            {
                Directory.CreateDirectory(folder);
            }

            // WAL lets readers continue while one writer commits; the setting is stored in the file.
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }

        // MigrateAsync also diffs the model against the snapshot (about two seconds); skip it when
        // nothing is pending, which is every start but the first after an upgrade.
        if ((await db.Database.GetPendingMigrationsAsync(ct)).Any())
        {
            await db.Database.MigrateAsync(ct);
        }
    }
}
