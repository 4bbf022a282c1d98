using Kepu.Web.Infrastructure.Data.Postgres;
using Kepu.Web.Infrastructure.Data.Sqlite;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Infrastructure.Data;

internal static class DataServices
{
    public static IServiceCollection AddKepuData(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var options = DataOptions.FromConfiguration(configuration, contentRoot);
        services.AddSingleton(options);

        if (options.IsSqlite)
        {
            services.AddDbContext<SqliteAppDbContext>(o => o.UseSqlite(options.ConnectionString));
            services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<SqliteAppDbContext>());
        }
        else
        {
            services.AddDbContext<PostgresAppDbContext>(o => o.UseNpgsql(options.ConnectionString));
            services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<PostgresAppDbContext>());
        }

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

        await db.Database.MigrateAsync(ct);
    }
}
