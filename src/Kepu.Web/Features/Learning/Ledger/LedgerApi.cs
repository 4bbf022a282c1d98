using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Features.Learning.Entities;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Learning.Ledger;

internal static class LedgerApi
{
    public static void MapLedgerApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/ledger").WithTags("账本 Ledger");
        api.MapGet("/digests", async Task<Ok<List<LedgerDigest>>> (AppDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await db.Set<LedgerDigest>().AsNoTracking().OrderByDescending(d => d.Day).Take(366).ToListAsync(ct)))
            .WithSummary("每日公布的链头（第几条、哈希）：自己保存一份，日后可比对账本有没有被改写");
        api.MapPost("/verify", async Task<Ok<LedgerReport>> (LedgerVerifier verifier, CancellationToken ct) => TypedResults.Ok(await verifier.VerifyAsync(ct)))
            .WithSummary("校验整条账本，列出被修改、插入或删除的记录（管理员）").RequireApiUser(Roles.Admin);
    }
}
