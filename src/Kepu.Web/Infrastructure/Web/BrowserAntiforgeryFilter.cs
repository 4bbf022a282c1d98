using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Kepu.Web.Infrastructure.Web;

/// <summary>
/// For endpoints open to both bearer tokens and the sign-in cookie: a request not signed in by a bearer token (so by
/// the cookie a browser sends by itself) must carry a valid antiforgery token. Reading requests (GET, HEAD) pass.
/// </summary>
internal sealed class BrowserAntiforgeryFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var bearer = await http.AuthenticateAsync(IdentityConstants.BearerScheme);
        if (bearer.Principal?.Identity?.IsAuthenticated != true
            && !await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "请求参数无效",
                detail: "缺少或无效的防伪令牌：请刷新页面后重试。页面脚本须在请求头 RequestVerificationToken 中带上页面表单里的令牌；其他客户端请使用 Authorization: Bearer。");
        }

        return await next(context);
    }
}
