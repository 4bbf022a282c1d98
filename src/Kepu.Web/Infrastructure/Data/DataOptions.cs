namespace Kepu.Web.Infrastructure.Data;

/// <summary>Where the database lives. Read once at start-up from configuration.</summary>
public sealed record DataOptions(string Provider, string DataDirectory, string ConnectionString)
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    public bool IsSqlite => Provider == Sqlite;

    public static DataOptions FromConfiguration(IConfiguration configuration, string contentRoot)
    {
        var provider = configuration["Database:Provider"] ?? Sqlite;
        if (!provider.Equals(Sqlite, StringComparison.OrdinalIgnoreCase) && !provider.Equals(Postgres, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"配置项 Database:Provider 的值“{provider}”无效，只能是 Sqlite 或 Postgres。");
        }

        provider = provider.Equals(Sqlite, StringComparison.OrdinalIgnoreCase) ? Sqlite : Postgres;
        var dir = configuration["Data:Directory"];
        dir = string.IsNullOrWhiteSpace(dir) ? Path.Combine(contentRoot, "data") : Path.GetFullPath(dir, contentRoot);

        string connectionString;
        if (provider == Sqlite)
        {
            connectionString = configuration.GetConnectionString("Sqlite") is { Length: > 0 } cs
                ? cs
                : $"Data Source={Path.Combine(dir, "kepu.db")};Default Timeout=30";
        }
        else
        {
            connectionString = configuration.GetConnectionString("Postgres") is { Length: > 0 } pg
                ? pg
                : throw new InvalidOperationException("Database:Provider 为 Postgres 时必须配置 ConnectionStrings:Postgres。");
        }

        return new DataOptions(provider, dir, connectionString);
    }
}
