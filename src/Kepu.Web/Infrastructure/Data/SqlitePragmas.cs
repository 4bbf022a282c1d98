using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Kepu.Web.Infrastructure.Data;

/// <summary>
/// In WAL mode, synchronous=NORMAL is durable against crashes of the process and never corrupts the database;
/// only a power cut can lose the last commits. It saves an fsync per commit, which decides write throughput.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;";
        command.ExecuteNonQuery();
    }
}
