using System.Threading.Channels;
using Kepu.Web.Features.Insights.Activity.Entities;
using Kepu.Web.Infrastructure.Data;

namespace Kepu.Web.Features.Insights.Activity;

/// <summary>
/// Activity events of read-only requests (查一查), written in the background in batches, as the search log is: the request
/// never waits for a write. What is still queued when the process stops is lost, which statistics can bear.
/// </summary>
public sealed class ActivityBuffer(IServiceScopeFactory scopes, ILogger<ActivityBuffer> logger) : BackgroundService
{
    private readonly Channel<ActivityEvent> _queue = Channel.CreateBounded<ActivityEvent>(new BoundedChannelOptions(100_000) { FullMode = BoundedChannelFullMode.DropOldest });

    public void Add(ActivityEvent entry) => _queue.Writer.TryWrite(entry);

    /// <summary>Writes what is queued now (tests and shutdown).</summary>
    public async Task FlushAsync(CancellationToken ct = default)
    {
        var batch = new List<ActivityEvent>();
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
                    logger.LogError(e, "Writing activity events failed");
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
