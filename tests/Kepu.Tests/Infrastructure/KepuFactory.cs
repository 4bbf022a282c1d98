using Kepu.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Kepu.Tests.Infrastructure;

/// <summary>
/// A whole Kepu application with migrations applied, on a fresh database of its own: SQLite in a temporary
/// folder by default, or a new PostgreSQL database when KEPU_TEST_DB=Postgres (scripts/test.sh sets it).
/// </summary>
public class KepuFactory : WebApplicationFactory<Program>
{
    public const string DemoPassword = "Test-pass-2026";

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "kepu-tests", Guid.NewGuid().ToString("N"));
    private readonly string? _postgres;

    public KepuFactory()
    {
        Provider = Environment.GetEnvironmentVariable("KEPU_TEST_DB") is { Length: > 0 } p ? p : "Sqlite";
        if (Provider == "Postgres")
        {
            var baseConnection = Environment.GetEnvironmentVariable("KEPU_TEST_PG")
                ?? throw new InvalidOperationException("KEPU_TEST_DB=Postgres needs KEPU_TEST_PG (a connection string to a throwaway server).");
            _postgres = new NpgsqlConnectionStringBuilder(baseConnection) { Database = $"kepu_t_{Guid.NewGuid():N}" }.ConnectionString;
        }
    }

    public string Provider { get; }

    public string DataDirectory => _dataDirectory;

    /// <summary>The environment the app runs in; Development-only behaviour is tested through Demo:Seed.</summary>
    protected virtual string EnvironmentName => "Testing";

    protected virtual IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>();

    /// <summary>Services a test host replaces (a fake clock, say).</summary>
    protected virtual void ConfigureTestServices(IServiceCollection services)
    {
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        // Test hosts do not load the static web assets manifest by themselves; without it pages have no CSS.
        builder.UseStaticWebAssets();
        builder.ConfigureTestServices(ConfigureTestServices);
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = Provider,
            ["ConnectionStrings:Postgres"] = _postgres,
            ["Data:Directory"] = _dataDirectory,
            ["Demo:Seed"] = "true",
            ["Demo:Password"] = DemoPassword,
            ["Demo:Content"] = "false",
            ["RateLimits:AuthPerMinute"] = "1000",
            ["RateLimits:CheckPerMinute"] = "10000",
            ["RateLimits:ClaimsPerMinute"] = "10000",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in ExtraSettings)
        {
            settings[key] = value;
        }

        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public AsyncServiceScope Scope() => Services.CreateAsyncScope();

    /// <summary>Runs a query against the app's database in a scope of its own.</summary>
    public async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = Scope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        if (_postgres is not null)
        {
            NpgsqlConnection.ClearAllPools();
            var admin = new NpgsqlConnectionStringBuilder(_postgres) { Database = "postgres" }.ConnectionString;
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(_postgres).Database}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        try
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(_dataDirectory))
            {
                Directory.Delete(_dataDirectory, recursive: true);
            }
        }
        catch (IOException)
        {
            // A file still open on a slow machine is left for the OS's temp cleanup.
        }
    }
}
