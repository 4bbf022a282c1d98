using Kepu.Web.Features.Library.Entities;
using Kepu.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Library;

/// <summary>Publishes scheduled items when their time comes (checked every 30 seconds).</summary>
public sealed class ScheduledPublisher(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ScheduledPublisher> logger) : BackgroundService
{
    public async Task<int> PublishDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Set<ContentItem>().Include(c => c.Transitions)
            .Where(c => c.Status == ContentStatus.Scheduled && c.PublishAt <= now)
            .ToListAsync(ct);
        foreach (var item in due.Where(i => i.PublishIfDue(now)))
        {
            db.Add(new Infrastructure.Outbox.OutboxMessage(ContentOutbox.Stream, item.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "upsert", now));
        }

        await db.SaveChangesAsync(ct);
        return due.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(30), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var count = await PublishDueAsync(stoppingToken);
                if (count > 0 && logger.IsEnabled(LogLevel.Information))
                {
                    logger.LogInformation("Published {Count} scheduled items", count);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A database hiccup must not stop the scheduler; it tries again on the next tick.
                logger.LogError(e, "Scheduled publishing failed");
            }
        }
    }
}
