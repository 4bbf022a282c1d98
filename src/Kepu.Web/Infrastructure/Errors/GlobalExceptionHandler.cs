using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Kepu.Web.Infrastructure.Errors;

/// <summary>
/// Turns exceptions into RFC 9457 problem details with a Chinese <c>detail</c>.
/// Pages are left to the error page.
/// </summary>
internal sealed class GlobalExceptionHandler(IProblemDetailsService problems, ILogger<GlobalExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // The middleware has already pointed Request.Path at /error; the original path says who asked.
        var path = httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path.Value ?? "";
        if (!path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase))
        {
            // Pages: the middleware re-executes /error, which shows a Chinese error page.
            if (exception is not (BusinessRuleException or NotFoundException or ForbiddenException or ValidationFailedException or BadHttpRequestException))
            {
                logger.LogError(exception, "Unhandled exception for {Method} {Path}", httpContext.Request.Method, path);
            }

            return false;
        }

        var (status, title, detail) = exception switch
        {
            ValidationFailedException v => (StatusCodes.Status400BadRequest, "请求参数无效", v.Message),
            BadHttpRequestException b => (b.StatusCode, "请求格式错误", "请求内容无法解析，请检查格式（例如 JSON 是否完整、字段类型是否正确）。"),
            BusinessRuleException b => (StatusCodes.Status409Conflict, "操作与当前状态冲突", b.Message),
            NotFoundException n => (StatusCodes.Status404NotFound, "未找到", n.Message),
            ForbiddenException f => (StatusCodes.Status403Forbidden, "无权操作", f.Message),
            _ => (StatusCodes.Status500InternalServerError, "服务器内部错误", "服务器出了点问题，请稍后再试。"),
        };

        if (status >= 500)
        {
            logger.LogError(exception, "Unhandled exception for {Method} {Path}", httpContext.Request.Method, path);
        }
        else if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Request {Method} {Path} ended with {Status}: {Message}", httpContext.Request.Method, path, status, exception.Message);
        }

        httpContext.Response.StatusCode = status;
        httpContext.Request.Path = path;
        ProblemDetails problem = exception is ValidationFailedException vf
            ? new HttpValidationProblemDetails(vf.Errors) { Status = status, Title = title, Detail = detail }
            : new ProblemDetails { Status = status, Title = title, Detail = detail };

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }
}
