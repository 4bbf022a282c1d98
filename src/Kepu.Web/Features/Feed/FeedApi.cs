using System.Security.Claims;
using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kepu.Web.Features.Feed;

internal static class FeedApi
{
    public static void MapFeedApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/feed", async Task<Ok<FeedResponse>> (string? audience, string? district, bool? elder, int? page, ClaimsPrincipal user, GetFeed feed, CancellationToken ct) =>
                TypedResults.Ok(await feed.HandleAsync(new FeedRequest(audience, district, elder, page), user, ct)))
            .WithTags("为你推荐 Feed")
            .WithSummary("为你推荐：登录后按个人资料和阅读记录；未登录时按所选人群（audience）和区县（district）")
            .AllowApiUser();
}

internal static class FeedModule
{
    public static IServiceCollection AddFeed(this IServiceCollection services) =>
        services.AddScoped<GetFeed>().AddSingleton<FeedColumnsCache>().AddSingleton(sp => new FeedSegments(sp.GetRequiredService<TimeProvider>()));

    public static IEndpointRouteBuilder MapFeed(this IEndpointRouteBuilder app)
    {
        app.MapFeedApi();
        return app;
    }
}
