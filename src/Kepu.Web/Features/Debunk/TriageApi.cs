using System.Security.Claims;
using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kepu.Web.Features.Debunk;

internal static class TriageApi
{
    public static void MapTriageApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/debunk/clusters").WithTags("科学辟谣 Debunk").RequireApiUser();
        api.MapGet("/", async Task<Ok<IReadOnlyList<ClusterView>>> (string? state, ClaimsPrincipal user, Triage triage, CancellationToken ct) =>
                TypedResults.Ok(await triage.ListAsync(user, state, ct)))
            .WithSummary("线索（近似重复的提交归为一组）：数量、首次与最近出现、区县、上升标记、状态（编辑看全部，专家看分派给自己的）");
        api.MapPost("/{id:int}/assign", async Task<NoContent> (int id, AssignRequest request, ClaimsPrincipal user, Triage triage, CancellationToken ct) =>
            {
                await triage.AssignAsync(id, request, user, ct);
                return TypedResults.NoContent();
            }).WithSummary("按分类分派给专家（编辑）");
        api.MapPost("/{id:int}/reject", async Task<NoContent> (int id, RejectRequest request, ClaimsPrincipal user, Triage triage, CancellationToken ct) =>
            {
                await triage.RejectAsync(id, request, user, ct);
                return TypedResults.NoContent();
            }).WithSummary("不予处理（编辑，须说明原因）");
        api.MapPost("/{id:int}/start", async Task<NoContent> (int id, ClaimsPrincipal user, Triage triage, CancellationToken ct) =>
            {
                await triage.StartAsync(id, user, ct);
                return TypedResults.NoContent();
            }).WithSummary("开始核查（被分派的专家）");
        api.MapPost("/{id:int}/verdict", async Task<Created<VerdictCreated>> (int id, VerdictRequest request, ClaimsPrincipal user, Triage triage, CancellationToken ct) =>
            {
                var entry = await triage.PublishVerdictAsync(id, request, user, ct);
                return TypedResults.Created($"/api/v1/debunks/{entry}", new VerdictCreated(entry));
            }).WithSummary("发布核查结论（被分派的专家）：生成辟谣条目，之后同样的说法会被直接回答");
    }

    public sealed record VerdictCreated(int Id);
}
