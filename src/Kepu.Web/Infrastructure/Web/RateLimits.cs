using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Kepu.Web.Infrastructure.Web;

internal static class RateLimits
{
    /// <summary>Registration and token requests, per client address.</summary>
    public const string Auth = "auth";

    /// <summary>查一查 matches, per client address.</summary>
    public const string Check = "check";

    /// <summary>Rumour submissions by people who are not signed in, per client address.</summary>
    public const string Claims = "claims";

    /// <summary>Public votes, per client address.</summary>
    public const string Vote = "vote";

    public static IServiceCollection AddKepuRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            PerClient(o, Auth, "RateLimits:AuthPerMinute", 30);
            PerClient(o, Check, "RateLimits:CheckPerMinute", 120);
            PerClient(o, Claims, "RateLimits:ClaimsPerMinute", 10);
            PerClient(o, Vote, "RateLimits:VotesPerMinute", 30);
        });
        return services;
    }

    // Limits are read per request (not at registration), so a test host's settings apply.
    private static void PerClient(RateLimiterOptions o, string policy, string setting, int perMinute) =>
        o.AddPolicy(policy, context => RateLimitPartition.GetFixedWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = context.RequestServices.GetRequiredService<IConfiguration>().GetValue(setting, perMinute),
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            }));
}
