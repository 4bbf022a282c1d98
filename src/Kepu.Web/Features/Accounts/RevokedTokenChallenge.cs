using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Kepu.Web.Features.Accounts;

/// <summary>
/// A bearer token revoked by <see cref="BearerStampCheck"/> still "authenticates", as nobody; the default
/// handler would answer 403. Nobody is not forbidden but unauthenticated, so answer 401 instead.
/// </summary>
internal sealed class RevokedTokenChallenge : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && context.User.Identity?.IsAuthenticated != true)
        {
            authorizeResult = PolicyAuthorizationResult.Challenge();
        }

        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
