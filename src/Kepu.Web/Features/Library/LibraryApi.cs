using System.Security.Claims;
using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Library.Search;
using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kepu.Web.Features.Library;

internal static class LibraryApi
{
    public static void MapLibraryApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/contents").WithTags("科普资源 Library");
        api.MapPost("/", CreateAsync).WithSummary("新建草稿（机构成员、编辑）").RequireApiUser();
        api.MapPut("/{id:int}", EditAsync).WithSummary("修改内容（产生新版本）").RequireApiUser();
        api.MapPost("/{id:int}/submit", SubmitAsync).WithSummary("提交审核").RequireApiUser();
        api.MapPost("/{id:int}/review", ReviewAsync).WithSummary("科学性审核：通过或退回修改（专家）").RequireApiUser();
        api.MapPost("/{id:int}/publish", PublishAsync).WithSummary("发布，或定时发布（编辑）").RequireApiUser();
        api.MapPost("/{id:int}/offline", OfflineAsync).WithSummary("下线（编辑，须说明原因）").RequireApiUser();
        api.MapGet("/{id:int}", GetAsync).WithSummary("一条内容（已发布的公开；其余仅参与者可见）").AllowApiUser();
        api.MapPost("/{id:int}/finish", async Task<NoContent> (int id, ClaimsPrincipal user, RecordReading reading, CancellationToken ct) =>
            {
                await reading.FinishedAsync(id, user.UserId()!, ct);
                return TypedResults.NoContent();
            }).WithSummary("记录“我读完了”（为你推荐会把读完的内容放到后面）").RequireApiUser();
        api.MapGet("/{id:int}/diff", DiffAsync).WithSummary("两个版本之间的文字差异").AllowApiUser();
        app.MapGet("/api/v1/search", SearchAsync).WithTags("科普资源 Library")
            .WithSummary("搜索已发布内容（中文分词 + 双字召回；支持繁体和全角输入）").AllowApiUser();
        app.MapGet("/api/v1/demand", async Task<Ok<DemandReport>> (int? days, string? audience, string? region, ClaimsPrincipal user, DemandSensing demand, CancellationToken ct) =>
            {
                ContentAccess.EnsureCanPublish(user);
                return TypedResults.Ok(await demand.ReportAsync(days ?? 30, audience, region, ct));
            })
            .WithTags("需求感知 Demand").WithSummary("热门搜索、内容缺口、读完率（编辑）").RequireApiUser();
        app.MapGet("/api/v1/topics", async (Taxonomy taxonomy, CancellationToken ct) => TypedResults.Ok(await taxonomy.TreeAsync(ct)))
            .WithTags("科普资源 Library").WithSummary("主题目录");
        app.MapPost("/api/v1/topics", async Task<Created<Created>> (TopicRequest body, ClaimsPrincipal user, EditTaxonomy edit, CancellationToken ct) =>
            {
                var id = await edit.AddAsync(body.Name, body.ParentId, user, ct);
                return TypedResults.Created("/api/v1/topics", new Created(id));
            }).WithTags("科普资源 Library").WithSummary("新增主题（编辑）").RequireApiUser();
        app.MapPut("/api/v1/topics/{id:int}", async Task<NoContent> (int id, TopicRequest body, ClaimsPrincipal user, EditTaxonomy edit, CancellationToken ct) =>
            {
                await edit.RenameAsync(id, body.Name, user, ct);
                return TypedResults.NoContent();
            }).WithTags("科普资源 Library").WithSummary("主题改名（编辑）；内容和专家审核领域随之更新").RequireApiUser();
    }

    public sealed record Created(int Id);

    public sealed record TopicRequest(string? Name, int? ParentId);


    private static async Task<Created<Created>> CreateAsync(ContentRequest request, ClaimsPrincipal user, SaveContent save, CancellationToken ct)
    {
        var id = await save.CreateAsync(request, user, ct);
        return TypedResults.Created($"/api/v1/contents/{id}", new Created(id));
    }

    private static async Task<NoContent> EditAsync(int id, ContentRequest request, ClaimsPrincipal user, SaveContent save, CancellationToken ct)
    {
        await save.EditAsync(id, request, user, ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> SubmitAsync(int id, ClaimsPrincipal user, ContentWorkflow workflow, CancellationToken ct)
    {
        await workflow.SubmitAsync(id, user, ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> ReviewAsync(int id, ReviewRequest request, ClaimsPrincipal user, ContentWorkflow workflow, CancellationToken ct)
    {
        await workflow.ReviewAsync(id, request, user, ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> PublishAsync(int id, PublishRequest? request, ClaimsPrincipal user, ContentWorkflow workflow, CancellationToken ct)
    {
        await workflow.PublishAsync(id, request ?? new PublishRequest(), user, ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> OfflineAsync(int id, OfflineRequest request, ClaimsPrincipal user, ContentWorkflow workflow, CancellationToken ct)
    {
        await workflow.TakeOfflineAsync(id, request, user, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<SearchResponse>> SearchAsync(string? q, string? audience, string? topic, string? kind, string? district,
        string? sort, int? page, ClaimsPrincipal user, SearchContent search, CancellationToken ct) =>
        TypedResults.Ok(await search.HandleAsync(new SearchRequest(q, audience, topic, kind, district, sort, page), user, ct));

    private static async Task<Ok<ContentView>> GetAsync(int id, ClaimsPrincipal user, GetContent get, CancellationToken ct) =>
        TypedResults.Ok(await get.HandleAsync(id, user, ct));

    private static async Task<Ok<VersionDiff>> DiffAsync(int id, int from, int to, ClaimsPrincipal user, GetContent get, CancellationToken ct) =>
        TypedResults.Ok(await get.DiffAsync(id, from, to, user, ct));
}
