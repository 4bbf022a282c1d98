using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Kepu.Web.Infrastructure.Web;

internal static class RateLimits
{
    /// <summary>Registration and token requests, per client address.</summary>
    public const string Auth = "auth";

    public static IServiceCollection AddKepuRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(Auth, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = context.RequestServices.GetRequiredService<IConfiguration>().GetValue("RateLimits:AuthPerMinute", 30),
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
        });
        return services;
    }
}
