using Kepu.Web.Features.Learning.Entities;
using Kepu.Web.Features.Library;
using Kepu.Web.Infrastructure.Data;

namespace Kepu.Web.Features.Learning;

/// <summary>Points for reading or watching science content through to the end (once per item, within the daily cap).</summary>
public sealed class ReadingPoints(AppDbContext db, Points points) : IReadingObserver
{
    public async Task FinishedFirstTimeAsync(string userId, int contentId, CancellationToken ct = default)
    {
        if (await points.AwardAsync(userId, PointKinds.Read, $"content:{contentId}", ct) > 0)
        {
            await db.SaveChangesAsync(ct);
        }
    }
}
