using System.Threading.Channels;
using Kepu.Web.Features.Library.Entities;
using Kepu.Web.Infrastructure.Data;

namespace Kepu.Web.Features.Library;

/// <summary>
/// Searches are logged in the background, in batches: a search never waits for a database write. Entries still
/// queued when the process stops are lost — acceptable for demand statistics.
/// </summary>
public sealed class SearchLogBuffer(IServiceScopeFactory scopes, ILogger<SearchLogBuffer> logger) : BackgroundService
{
    private readonly Channel<SearchLog> _queue = Channel.CreateBounded<SearchLog>(new BoundedChannelOptions(100_000) { FullMode = BoundedChannelFullMode.DropOldest });

    public void Add(SearchLog entry) => _queue.Writer.TryWrite(entry);

    /// <summary>Writes what is queued now (tests and shutdown).</summary>
    public async Task FlushAsync(CancellationToken ct = default)
    {
        var batch = new List<SearchLog>();
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
                    logger.LogError(e, "Writing the search log failed");
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
