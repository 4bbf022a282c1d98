using Microsoft.AspNetCore.Identity;

namespace Kepu.Web.Infrastructure.Web;

internal static class ApiAuthorization
{
    /// <summary>
    /// API endpoints authenticate with bearer tokens only, so a missing token is a 401 (never a
    /// redirect to the login page) and a token of the wrong role a 403.
    /// </summary>
    public static TBuilder RequireApiUser<TBuilder>(this TBuilder builder, params string[] roles)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(policy =>
        {
            policy.AddAuthenticationSchemes(IdentityConstants.BearerScheme).RequireAuthenticatedUser();
            if (roles.Length > 0)
            {
                policy.RequireRole(roles);
            }
        });

    /// <summary>
    /// Public endpoints that show more to a signed-in caller: the bearer token is read when present,
    /// and its absence is no error.
    /// </summary>
    public static TBuilder AllowApiUser<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(policy => policy.AddAuthenticationSchemes(IdentityConstants.BearerScheme).RequireAssertion(_ => true));

    /// <summary>
    /// Files for signed-in staff that pages show (an &lt;img&gt; or a link sends the cookie) and API clients fetch with
    /// their token: either way in, the roles checked on the server.
    /// </summary>
    public static TBuilder RequirePageOrApiUser<TBuilder>(this TBuilder builder, params string[] roles)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(policy => policy.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme, IdentityConstants.BearerScheme)
            .RequireAuthenticatedUser().RequireRole(roles));

    /// <summary>
    /// Endpoints that API clients call with their bearer token and the site's own pages call from JavaScript with the
    /// sign-in cookie (resumable uploads). A request without a valid bearer token must then carry the page's antiforgery
    /// token in the <c>RequestVerificationToken</c> header (<see cref="BrowserAntiforgeryFilter"/>), so another site
    /// cannot make a signed-in browser call them. A missing sign-in is a 401, never a redirect.
    /// </summary>
    public static TBuilder RequireApiOrBrowserUser<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.RequireAuthorization(policy => policy.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme, IdentityConstants.BearerScheme)
            .RequireAuthenticatedUser());
        builder.AddEndpointFilter(new BrowserAntiforgeryFilter());
        return builder;
    }
}
