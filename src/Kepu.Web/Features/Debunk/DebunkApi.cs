using Kepu.Web.Features.Debunk.Entities;
using Kepu.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Debunk;

internal static class DebunkApi
{
    public static void MapDebunkApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/debunks").WithTags("科学辟谣 Debunk");
        api.MapPost("/match", async Task<Ok<MatchResult>> (MatchRequest request, System.Security.Claims.ClaimsPrincipal user, CheckText check, CancellationToken ct) =>
                TypedResults.Ok(await check.HandleAsync(request, Accounts.KepuClaims.UserId(user), ct)))
            .WithSummary("查一查：一段文字（可为转发的长消息）与已知辟谣比对。decision：answer 直接给结论，suggest 列出可能的条目，none 未找到")
            .RequireRateLimiting(Infrastructure.Web.RateLimits.Check);
        api.MapGet("/{id:int}", async Task<Ok<DebunkView>> (int id, GetDebunk get, CancellationToken ct) => TypedResults.Ok(await get.HandleAsync(id, ct)))
            .WithSummary("一条辟谣：说法、结论、真相解读、来源和修订记录");
    }
}

public sealed record DebunkView(
    int Id, string? Key, string Claim, IReadOnlyList<string> Phrasings, string Verdict, string VerdictLabel, string Conclusion, string Title,
    string Body, string BodyHtml, string Category, IReadOnlyList<string> Audiences, IReadOnlyList<DebunkSource> Sources, IReadOnlyList<string> Experts,
    DateOnly? FirstSeen, DateTime PublishedAt, DateTime UpdatedAt, IReadOnlyList<DebunkRevisionView> Revisions);

public sealed record DebunkRevisionView(int Number, DateTime At, string Note, string Verdict, string VerdictLabel, string Conclusion);

/// <summary>One published entry with its update history.</summary>
public sealed class GetDebunk(Infrastructure.Data.AppDbContext db)
{
    public async Task<DebunkView> HandleAsync(int id, CancellationToken ct = default)
    {
        var e = await db.Set<DebunkEntry>().AsNoTracking().Include(x => x.Revisions).AsSplitQuery().FirstOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFoundException($"辟谣条目 {id} 不存在。");
        return new DebunkView(e.Id, e.Key, e.Claim, e.Phrasings, e.Verdict, Verdicts.Label(e.Verdict), e.Conclusion, e.Title, e.Body, e.BodyHtml,
            e.Category, e.Audiences, e.Sources, e.Experts, e.FirstSeen, e.PublishedAt, e.UpdatedAt,
            e.Revisions.OrderBy(r => r.Number).Select(r => new DebunkRevisionView(r.Number, r.At, r.Note, r.Verdict, Verdicts.Label(r.Verdict), r.Conclusion)).ToList());
    }
}
