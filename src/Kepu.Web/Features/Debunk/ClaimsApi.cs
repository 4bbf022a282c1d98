using System.Security.Claims;
using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Features.Debunk.Entities;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Debunk;

public sealed record ClaimBatchRequest(IReadOnlyList<ClaimRequest>? Items);

public sealed record MatchBatchRequest(IReadOnlyList<string?>? Texts, int? Top);

internal static class ClaimsApi
{
    public static void MapClaimsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/claims").WithTags("科学辟谣 Debunk");
        api.MapPost("/", SubmitAsync)
            .WithSummary("提交一条疑似谣言（可匿名，按客户端限流）：文字、可选链接与截图、在哪里看到、区县 → 202 与查询码。"
                + "JSON，或 multipart/form-data（字段 text、link、seenWhere、district，截图文件 screenshot）")
            .DisableAntiforgery()
            .AllowApiUser()
            .RequireRateLimiting(RateLimits.Claims);
        api.MapPost("/batch", async Task<Accepted<IReadOnlyList<ClaimStatus>>> (ClaimBatchRequest request, ClaimsPrincipal user, IAccountDirectory accounts,
                SubmitClaim submit, CancellationToken ct) =>
            {
                var organization = await PartnerAsync(user, accounts, ct);
                var statuses = await submit.HandleBatchAsync(request.Items ?? [], "partner", organization, ct);
                return TypedResults.Accepted("/api/v1/claims", statuses);
            })
            .WithSummary($"合作机构批量提交（机构账号的令牌；一次最多 {SubmitClaim.MaxBatch} 条，任何一条有误则整批不写入）")
            .RequireApiUser();
        api.MapGet("/{code}", async Task<Ok<ClaimStatus>> (string code, ClaimStatuses statuses, CancellationToken ct) =>
                TypedResults.Ok(await statuses.FindAsync(code, ct)))
            .WithSummary("按查询码查看处理进度");

        app.MapPost("/api/v1/debunks/match-batch", async Task<Ok<IReadOnlyList<MatchResult>>> (MatchBatchRequest request, ClaimsPrincipal user,
                IAccountDirectory accounts, DebunkMatcher matcher, CancellationToken ct) =>
            {
                await PartnerAsync(user, accounts, ct);
                var texts = request.Texts ?? [];
                if (texts.Count is 0 or > SubmitClaim.MaxBatch)
                {
                    throw new ValidationFailedException(new Dictionary<string, string[]> { ["texts"] = [$"一次比对 1 到 {SubmitClaim.MaxBatch} 条。"] });
                }

                var valid = texts.Select((t, i) => CheckText.Validate(t, $"texts[{i}]")).ToList();
                var results = new List<MatchResult>(valid.Count);
                foreach (var text in valid)
                {
                    results.Add(await matcher.MatchAsync(text, Math.Clamp(request.Top ?? 5, 1, 20), ct: ct));
                }

                return TypedResults.Ok<IReadOnlyList<MatchResult>>(results);
            })
            .WithTags("科学辟谣 Debunk")
            .WithSummary($"合作平台批量比对（机构或编辑账号的令牌；一次最多 {SubmitClaim.MaxBatch} 条）")
            .RequireApiUser();
    }

    /// <summary>A report as JSON, or as a form with the screenshot as a file (anyone may send one; the image is kept private).</summary>
    private static async Task<Accepted<ClaimStatus>> SubmitAsync(HttpRequest http, ClaimsPrincipal user, SubmitClaim submit, CancellationToken ct)
    {
        var channel = user.Identity?.IsAuthenticated == true ? "api" : "web";
        ClaimStatus status;
        if (http.HasFormContentType)
        {
            var form = await http.ReadFormAsync(ct);
            var request = new ClaimRequest(form["text"], form["link"], form["screenshot"], form["seenWhere"], form["district"]);
            var file = form.Files.GetFile("screenshot");
            await using var stream = file?.OpenReadStream();
            status = await submit.HandleAsync(request, channel, null, stream is null ? null : new ScreenshotUpload(stream), ct);
        }
        else if (http.HasJsonContentType())
        {
            ClaimRequest? request;
            try
            {
                request = await http.ReadFromJsonAsync<ClaimRequest>(ct);
            }
            catch (System.Text.Json.JsonException)
            {
                request = null;
            }

            status = await submit.HandleAsync(request ?? throw BodyError("请求体不是有效的 JSON 对象。"), channel, null, ct);
        }
        else
        {
            throw BodyError("请用 application/json 或 multipart/form-data 提交。");
        }

        return TypedResults.Accepted($"/api/v1/claims/{status.TrackingCode}", status);
    }

    private static ValidationFailedException BodyError(string message) => new(new Dictionary<string, string[]> { ["body"] = [message] });

    /// <summary>Partners are organisation members (their organisation is recorded) and editors.</summary>
    private static async Task<int?> PartnerAsync(ClaimsPrincipal user, IAccountDirectory accounts, CancellationToken ct)
    {
        if (user.IsInRole(Roles.Editor) || user.IsInRole(Roles.Admin))
        {
            return null;
        }

        if (!user.IsInRole(Roles.Organization) || user.UserId() is not { } id || (await accounts.OrganizationIdsAsync(id, ct)) is not [var organization, ..])
        {
            throw new ForbiddenException("批量接口仅向合作机构（机构账号）和编辑开放。");
        }

        return organization;
    }
}

/// <summary>A submission's progress for the person who sent it.</summary>
public sealed class ClaimStatuses(AppDbContext db)
{
    public async Task<ClaimStatus> FindAsync(string code, CancellationToken ct = default)
    {
        var trimmed = (code ?? "").Trim().ToUpperInvariant();
        var claim = await db.Set<SubmittedClaim>().AsNoTracking().FirstOrDefaultAsync(c => c.TrackingCode == trimmed, ct)
            ?? throw new NotFoundException($"没有查询码为“{code}”的提交。");
        var cluster = claim.ClusterId is { } id ? await db.Set<ClaimCluster>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) : null;
        var entryId = claim.AnsweredBy ?? cluster?.EntryId;
        var entry = entryId is { } e ? await db.Set<DebunkEntry>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == e, ct) : null;
        return SubmitClaim.Status(claim, cluster, entry);
    }
}
