using Kepu.Web.Features.Library.Entities;
using Kepu.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Library;

/// <summary>Items store their body as HTML when written; this fills it in for items written before that (the <c>reindex</c> command).</summary>
public static class ContentBodies
{
    private const int Batch = 500;

    public static async Task<int> RenderMissingAsync(IServiceProvider services, CancellationToken ct = default)
    {
        var done = 0;
        while (true)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var items = await db.Set<ContentItem>().Where(c => c.BodyHtml == null).OrderBy(c => c.Id).Take(Batch).ToListAsync(ct);
            if (items.Count == 0)
            {
                return done;
            }

            foreach (var item in items)
            {
                item.RenderBody();
            }

            await db.SaveChangesAsync(ct);
            done += items.Count;
        }
    }
}
