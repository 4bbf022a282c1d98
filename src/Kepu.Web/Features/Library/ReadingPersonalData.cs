using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Library.Entities;
using Kepu.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Library;

/// <summary>阅读记录 in 我的数据: which items the person opened and finished, and when.</summary>
public sealed class ReadingPersonalData(AppDbContext db) : IPersonalDataSource
{
    public string Section => "阅读记录";

    public async Task<object> ExportAsync(string userId, CancellationToken ct = default) =>
        await db.Set<ContentRead>().AsNoTracking().Where(r => r.UserId == userId).OrderBy(r => r.Id)
            .Select(r => new { r.ContentId, r.FirstViewedAt, r.LastViewedAt, r.FinishedAt }).ToListAsync(ct);
}
