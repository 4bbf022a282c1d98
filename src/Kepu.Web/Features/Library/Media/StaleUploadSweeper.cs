namespace Kepu.Web.Features.Library.Media;

/// <summary>
/// Once an hour, deletes resumable uploads nobody appended to for 24 hours (<see cref="ResumableUploads.PurgeStaleAsync"/>).
/// Until then they only take disk space: an expired upload is already "not found" and no longer counts against its owner.
/// </summary>
public sealed class StaleUploadSweeper(ResumableUploads uploads, TimeProvider clock, ILogger<StaleUploadSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        do
        {
            try
            {
                var purged = await uploads.PurgeStaleAsync(clock.GetUtcNow().UtcDateTime);
                if (purged > 0 && logger.IsEnabled(LogLevel.Information))
                {
                    logger.LogInformation("Deleted {Count} stale uploads", purged);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A file in use or a full disk must not stop the sweeper; it tries again in an hour.
                logger.LogWarning(e, "Purging stale uploads failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
