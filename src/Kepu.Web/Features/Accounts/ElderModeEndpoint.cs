using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;

namespace Kepu.Web.Features.Accounts;

internal static class ElderModeEndpoint
{
    /// <summary>
    /// The 长辈模式 switch in every page's header: a plain form post (antiforgery checked), so it works
    /// without JavaScript. Stored in a cookie, and in the profile when the person is signed in.
    /// </summary>
    public static void MapElderModeToggle(this IEndpointRouteBuilder app) =>
        app.MapPost("/preferences/elder", async ([FromForm] string? on, [FromForm] string? returnUrl, HttpContext context, Profile profile) =>
        {
            var enable = on == "1";
            ElderMode.Remember(context, enable);
            if (context.User.Identity?.IsAuthenticated == true && context.User.UserId() is { } id)
            {
                await profile.SetElderModeAsync(id, enable);
            }

            var target = !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
                ? returnUrl
                : "/";
            return TypedResults.LocalRedirect(target);
        }).ExcludeFromDescription();
}
