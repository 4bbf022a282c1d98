using System.Security.Claims;
using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Outreach.Experts;
using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kepu.Web.Features.Outreach.Orders;

internal static class OrdersApi
{
    public static void MapOrdersApi(this IEndpointRouteBuilder app)
    {
        var orders = app.MapGroup("/api/v1/orders").WithTags("点单 Orders").RequireApiUser();
        orders.MapPost("/", async Task<Created<OrderView>> (OrderRequest request, ClaimsPrincipal user, OrderDesk desk, CancellationToken ct) =>
            {
                var view = await desk.CreateAsync(request, user, ct);
                return TypedResults.Created($"/api/v1/orders/{view.Id}", view);
            })
            .WithSummary("点单：社区、村、学校或企业点一场科普讲座（主题、日期范围、人群、预计人数、地点）");
        orders.MapGet("/", async Task<Ok<IReadOnlyList<OrderView>>> (string? status, ClaimsPrincipal user, OrderDesk desk, CancellationToken ct) =>
                TypedResults.Ok(await desk.ListAsync(user, status, ct)))
            .WithSummary("我的点单；区县管理员看本区县的待办（优先地区在前）；管理员看全市");
        orders.MapGet("/{id:int}", async Task<Ok<OrderView>> (int id, ClaimsPrincipal user, OrderDesk desk, CancellationToken ct) =>
                TypedResults.Ok(await desk.GetAsync(id, user, ct)))
            .WithSummary("一个点单（点单人、本区县管理员、管理员）");
        orders.MapGet("/{id:int}/proposals", async Task<Ok<Proposals>> (int id, ClaimsPrincipal user, OrderDesk desk, CancellationToken ct) =>
                TypedResults.Ok(await desk.ProposalsAsync(id, user, ct)))
            .WithSummary("推荐专家（按专业、距离、空闲、均衡、方言排序，附理由）与不能安排的专家及原因（本区县管理员）");
        orders.MapPost("/{id:int}/confirm", async Task<Ok<OrderView>> (int id, ConfirmRequest request, ClaimsPrincipal user, OrderDesk desk, CancellationToken ct) =>
                TypedResults.Ok(await desk.ConfirmAsync(id, request, user, ct)))
            .WithSummary("确认专家与日期（本区县管理员）：生成活动，站内通知专家和点单人");
        orders.MapPost("/{id:int}/cancel", async Task<Ok<OrderView>> (int id, ClaimsPrincipal user, OrderDesk desk, CancellationToken ct) =>
                TypedResults.Ok(await desk.CancelAsync(id, user, ct)))
            .WithSummary("取消待安排的点单（点单人或本区县管理员）");
        orders.MapPost("/{id:int}/feedback", async Task<Ok<OrderView>> (int id, FeedbackRequest request, ClaimsPrincipal user, OrderDesk desk, CancellationToken ct) =>
                TypedResults.Ok(await desk.FeedbackAsync(id, request, user, ct)))
            .WithSummary("讲座结束后点单人评价：rating 1–5 分，comment 可选");

        var experts = app.MapGroup("/api/v1/experts").WithTags("专家库 Experts");
        experts.MapGet("/", async Task<Ok<IReadOnlyList<ExpertView>>> (string? discipline, string? team, string? dialect, string? district, ExpertPool pool,
                CancellationToken ct) =>
                TypedResults.Ok(await pool.ListAsync(discipline, team, dialect, district, ct)))
            .WithSummary("专家库：学科、所属专家团（team/lecturers/health/silver）、方言、服务区县、可约星期、点单评分");
        experts.MapPut("/me", async Task<Ok<ExpertView>> (ExpertProfileRequest request, ClaimsPrincipal user, ExpertPool pool, CancellationToken ct) =>
                TypedResults.Ok(await pool.SaveAsync(user.UserId()!, request, user, ct)))
            .RequireApiUser()
            .WithSummary("专家登记或修改自己的专家库信息；weekdays 为 1（周一）到 7（周日）");
    }
}
