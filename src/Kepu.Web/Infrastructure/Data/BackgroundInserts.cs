using System.Threading.Channels;

namespace Kepu.Web.Infrastructure.Data;

/// <summary>
/// Rows that a read-only request produces (a search log entry, a 查一查 activity event), queued in memory and inserted in
/// the background in batches, so the request never waits for a database write. Rows still queued when the process stops
/// are lost, which statistics can bear; when the queue is full the oldest rows are dropped.
/// </summary>
public abstract class BackgroundInserts<T>(IServiceScopeFactory scopes, ILogger logger) : BackgroundService where T : class
{
    private readonly Channel<T> _queue = Channel.CreateBounded<T>(new BoundedChannelOptions(100_000) { FullMode = BoundedChannelFullMode.DropOldest });

    public void Add(T entry) => _queue.Writer.TryWrite(entry);

    /// <summary>Writes what is queued now (tests and shutdown).</summary>
    public async Task FlushAsync(CancellationToken ct = default)
    {
        var batch = new List<T>();
        while (batch.Count < 5000 && _queue.Reader.TryRead(out var entry))
        {
            batch.Add(entry);
        }

        if (batch.Count == 0)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.AddRange(batch);
        await db.SaveChangesAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                try
                {
                    await FlushAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "Writing queued {Type} rows failed", typeof(T).Name);
                }

                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
            await FlushAsync(CancellationToken.None);
        }
    }
}
