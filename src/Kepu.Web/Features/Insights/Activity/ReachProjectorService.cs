namespace Kepu.Web.Features.Insights.Activity;

/// <summary>
/// Runs <see cref="ReachProjector"/> every <c>Insights:ProjectorSeconds</c> (default 2): dashboards are at most that far
/// behind the log. Every web node runs one; the projection row's lock makes them take turns.
/// </summary>
public sealed class ReachProjectorService(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<ReachProjectorService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Insights:Projector", true))
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(0.2, configuration.GetValue("Insights:ProjectorSeconds", 2.0))));
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ReachProjector>().CatchUpAsync(ct: stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database may be briefly unreachable or busy; the next tick starts again from the watermark.
                logger.LogError(e, "Activity projection failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
