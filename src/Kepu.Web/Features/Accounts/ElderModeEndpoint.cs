using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Antiforgery;

namespace Kepu.Web.Features.Accounts;

internal static class ElderModeEndpoint
{
    /// <summary>
    /// The 长辈模式 switch in every page's header: a plain form post, so it works without JavaScript. Stored in a
    /// cookie, and in the profile when the person is signed in. Only a signed-in switch changes stored data, so only
    /// it carries and checks an antiforgery token; an anonymous page then needs no token (and sets no antiforgery
    /// cookie), which keeps pages that everyone reads cheap. Forged anonymous posts could at most switch the display.
    /// </summary>
    public static void MapElderModeToggle(this IEndpointRouteBuilder app) =>
        app.MapPost("/preferences/elder", async (HttpContext context, IAntiforgery antiforgery, Profile profile) =>
        {
            // Validated here rather than by the middleware, so a missing token is a plain 400 page.
            var signedIn = context.User.Identity?.IsAuthenticated == true;
            if (!context.Request.HasFormContentType || (signedIn && !await antiforgery.IsRequestValidAsync(context)))
            {
                return Results.BadRequest();
            }

            var form = await context.Request.ReadFormAsync();
            var enable = form["on"] == "1";
            var returnUrl = form["returnUrl"].ToString();
            ElderMode.Remember(context, enable);
            if (signedIn && context.User.UserId() is { } id)
            {
                await profile.SetElderModeAsync(id, enable);
            }

            var target = !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
                ? returnUrl
                : "/";
            return Results.LocalRedirect(target);
        }).DisableAntiforgery().ExcludeFromDescription();
}
