using System.Text.Encodings.Web;
using System.Text.Unicode;
using Kepu.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.WebEncoders;

namespace Kepu.Web.Infrastructure.Web;

internal static class WebSetup
{
    /// <summary>The cookie that carries a one-time message (TempData) across a redirect.</summary>
    public const string FlashCookie = "kepu_flash";

    public static IServiceCollection AddKepuWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddMemoryCache(o => o.SizeLimit = 200_000_000);
        services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(o => o.Cookie.Name = FlashCookie);
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Features";
            o.Conventions.AddPageRoute("/Library/Pages/Edit", "contents/new");
        });

        // Chinese stays Chinese in HTML and JSON instead of &#x...; escapes.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.Configure<JsonOptions>(o => o.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All));

        // Malformed JSON and wrong parameter types become 400 problem details through the exception handler.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            var status = ctx.ProblemDetails.Status ?? ctx.HttpContext.Response.StatusCode;
            var (title, detail) = ProblemTexts.For(status);
            if (ctx.ProblemDetails.Title is null || !ContainsChinese(ctx.ProblemDetails.Title))
            {
                ctx.ProblemDetails.Title = title;
            }

            if (ctx.ProblemDetails.Detail is null || !ContainsChinese(ctx.ProblemDetails.Detail))
            {
                ctx.ProblemDetails.Detail = detail;
            }

            ctx.ProblemDetails.Type ??= $"https://httpwg.org/specs/rfc9110.html#status.{status}";
            ctx.ProblemDetails.Instance ??= ctx.HttpContext.Request.Path;
            ctx.ProblemDetails.Extensions["traceId"] = System.Diagnostics.Activity.Current?.Id ?? ctx.HttpContext.TraceIdentifier;
        });
        services.AddExceptionHandler<GlobalExceptionHandler>();
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "科普重庆 Kepu API";
            doc.Info.Version = "v1";
            doc.Info.Description = "科普重庆全域科学素质服务平台的接口。需要登录的接口使用 Authorization: Bearer <accessToken>（由 POST /api/v1/auth/token 取得）。错误响应为 RFC 9457 problem details，detail 为中文。";
            return Task.CompletedTask;
        }));
        services.AddKepuRateLimits();
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "kepu_af";
            o.FormFieldName = "__RequestVerificationToken";
        });
        return services;
    }

    public static WebApplication UseKepuPipeline(this WebApplication app)
    {
        // Behind nginx on the same machine (README): the client's address comes from X-Forwarded-For, which is trusted only from
        // loopback (the default known proxies), so rate limits and vote-burst checks see people, not the proxy.
        app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto });
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            // Pages show the Chinese error page; the API gets problem details from GlobalExceptionHandler.
            ExceptionHandlingPath = "/error",
            StatusCodeSelector = ex => ex switch
            {
                ValidationFailedException or BadHttpRequestException => 400,
                BusinessRuleException => 409,
                NotFoundException => 404,
                ForbiddenException => 403,
                _ => 500,
            },
        });
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), pages => pages.UseStatusCodePagesWithReExecute("/error", "?code={0}"));

        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers.XFrameOptions = "DENY";
            await next();
        });

        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseOutputCache(); // after authentication: policies serve only people who are not signed in
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapRazorPages().WithStaticAssets();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.UseSwaggerUI(o =>
        {
            o.RoutePrefix = "api-docs";
            o.SwaggerEndpoint("/openapi/v1.json", "科普重庆 API v1");
            o.DocumentTitle = "科普重庆 API 文档";
        });

        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
        return app;
    }

    private static bool ContainsChinese(string s) => s.Any(c => c is >= '\u4e00' and <= '\u9fff');
}
