using Kepu.Web.Features.Learning.Entities;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Learning.Ledger;

/// <summary>Publishes the chain head once a (Beijing) day, on <c>/ledger</c>: a fixed point anyone can keep and compare.</summary>
public sealed class LedgerDigests(IServiceScopeFactory scopes, TimeProvider clock, ILogger<LedgerDigests> logger) : BackgroundService
{
    /// <summary>Today's digest if there is none yet and the ledger has records; returns it (or null).</summary>
    public async Task<LedgerDigest?> PublishAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow();
        var today = Display.BeijingDay(now.UtcDateTime);
        if (await db.Set<LedgerDigest>().AnyAsync(d => d.Day == today, ct))
        {
            return null;
        }

        var head = await db.Set<LedgerEntry>().AsNoTracking().OrderByDescending(e => e.Sequence).FirstOrDefaultAsync(ct);
        if (head is null)
        {
            return null;
        }

        var digest = new LedgerDigest(today, head.Sequence, head.Hash, now.UtcDateTime);
        db.Add(digest);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return null; // another node published today's first
        }

        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Ledger digest for {Day}: entry {Sequence} {Hash}", today, head.Sequence, head.Hash);
        }
        return digest;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(30), clock);
        do
        {
            try
            {
                await PublishAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Ledger digest not published this time");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
