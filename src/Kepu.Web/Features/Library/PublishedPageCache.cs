using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.OutputCaching;

namespace Kepu.Web.Features.Library;

/// <summary>
/// Whole rendered pages of published items for people who are not signed in: the same for every such reader, apart
/// from 长辈模式 (a separate copy). Signed-in readers are not served from it (their reading is recorded, staff see
/// workflow actions), nor is anything but a 200 without cookies. Tagged per item, so <see cref="PublishedViews.Forget"/>
/// drops it with the item's view on any save; other app servers follow within <see cref="PublishedViews.Lifetime"/>.
/// </summary>
public sealed class PublishedPageCache : IOutputCachePolicy
{
    public const string Policy = "published-item-page";

    public static string Tag(int id) => "content:" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var cacheable = http.User.Identity?.IsAuthenticated != true && (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method));
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = PublishedViews.Lifetime;
        context.CacheVaryByRules.VaryByValues["elder"] = ElderMode.IsOn(http) ? "1" : "0";
        context.CacheVaryByRules.QueryKeys = "*"; // the page echoes its own address (share link, 长辈模式 return)
        if (http.Request.RouteValues.TryGetValue("id", out var id) && int.TryParse(id?.ToString(), out var itemId))
        {
            context.Tags.Add(Tag(itemId));
        }
        else
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0)
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}
