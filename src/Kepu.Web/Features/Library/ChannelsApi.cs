using System.Security.Claims;
using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kepu.Web.Features.Library;

internal static class ChannelsApi
{
    public static void MapChannels(this IEndpointRouteBuilder app)
    {
        app.MapGet("/feeds/rss", async (string? audience, string? topic, HttpRequest request, Channels channels, CancellationToken ct) =>
                Results.Content(await channels.RssAsync(Blank(audience), Blank(topic), BaseUrl(request), ct), "application/rss+xml; charset=utf-8"))
            .WithTags("全媒体 Channels").WithSummary("RSS 2.0：最新科普内容，可按人群（audience）或主题（topic）");

        app.MapGet("/contents/{id:int}/qr.svg", async (int id, HttpRequest request, GetContent get, ClaimsPrincipal user, CancellationToken ct) =>
            {
                await get.HandleAsync(id, user, ct);
                return Results.Content(Channels.QrSvg($"{BaseUrl(request)}/contents/{id}"), "image/svg+xml");
            })
            .WithTags("全媒体 Channels").WithSummary("内容页二维码（SVG）");

        var screens = app.MapGroup("/api/v1/screens").WithTags("全媒体 Channels");
        screens.MapGet("/{id:int}/playlist", async Task<Ok<ScreenPlaylistView>> (int id, HttpRequest request, Screens s, CancellationToken ct) =>
            TypedResults.Ok(await s.GetAsync(id, BaseUrl(request), ct))).WithSummary("公共屏幕播放列表");
        screens.MapPost("/", async Task<Created<LibraryApi.Created>> (ScreenRequest body, ClaimsPrincipal user, Screens s, CancellationToken ct) =>
        {
            var id = await s.CreateAsync(body, user, ct);
            return TypedResults.Created($"/api/v1/screens/{id}/playlist", new LibraryApi.Created(id));
        }).WithSummary("新建屏幕播放列表（编辑）").RequireApiUser();
        screens.MapPut("/{id:int}", async Task<NoContent> (int id, ScreenRequest body, ClaimsPrincipal user, Screens s, CancellationToken ct) =>
        {
            await s.UpdateAsync(id, body, user, ct);
            return TypedResults.NoContent();
        }).WithSummary("修改屏幕播放列表（编辑）").RequireApiUser();

        var campaigns = app.MapGroup("/api/v1/campaigns").WithTags("情景应用 Campaigns");
        campaigns.MapGet("/", async Task<Ok<IReadOnlyList<CampaignView>>> (Campaigns c, CancellationToken ct) => TypedResults.Ok(await c.ListAsync(ct)))
            .WithSummary("专题活动列表");
        campaigns.MapPost("/", async Task<Created<LibraryApi.Created>> (CampaignRequest body, ClaimsPrincipal user, Campaigns c, CancellationToken ct) =>
        {
            var id = await c.CreateAsync(body, user, ct);
            return TypedResults.Created($"/api/v1/campaigns/{id}", new LibraryApi.Created(id));
        }).WithSummary("新建专题活动（编辑）").RequireApiUser();
        campaigns.MapPut("/{id:int}", async Task<NoContent> (int id, CampaignRequest body, ClaimsPrincipal user, Campaigns c, CancellationToken ct) =>
        {
            await c.UpdateAsync(id, body, user, ct);
            return TypedResults.NoContent();
        }).WithSummary("修改专题活动（编辑）").RequireApiUser();
    }

    public static void MapHotTopics(this IEndpointRouteBuilder app)
    {
        var hot = app.MapGroup("/api/v1/hot-topics").WithTags("热点响应 HotTopics").RequireApiUser();
        hot.MapGet("/", async Task<Ok<IReadOnlyList<HotTopicView>>> (HotTopics h, CancellationToken ct) => TypedResults.Ok(await h.ListAsync(null, ct)))
            .WithSummary("热点列表（含回应状态和超期标记）");
        hot.MapPost("/", async Task<Created<LibraryApi.Created>> (HotTopicRequest body, ClaimsPrincipal user, HotTopics h, CancellationToken ct) =>
        {
            var id = await h.OpenAsync(body, user, ct);
            return TypedResults.Created($"/api/v1/hot-topics/{id}", new LibraryApi.Created(id));
        }).WithSummary("开启热点响应：期限和指派专家（编辑）");
        hot.MapPost("/{id:int}/response", async Task<NoContent> (int id, ResponseLink body, ClaimsPrincipal user, HotTopics h, CancellationToken ct) =>
        {
            await h.LinkResponseAsync(id, body.ContentId, user, ct);
            return TypedResults.NoContent();
        }).WithSummary("关联回应内容（被指派的专家或编辑）；内容发布后热点即为已回应");
    }

    public sealed record ResponseLink(int ContentId);

    public static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
