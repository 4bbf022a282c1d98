using System.Security.Claims;
using Kepu.Web.Features.Accounts;
using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kepu.Web.Features.Notifications;

/// <summary>站内消息: what other modules tell a person (orders, waitlists), listed at /me/notifications and in the API.</summary>
internal static class NotificationsModule
{
    public static IServiceCollection AddNotifications(this IServiceCollection services) => services.AddScoped<Notifier>();

    public static IEndpointRouteBuilder MapNotifications(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/notifications").WithTags("站内消息 Notifications").RequireApiUser();
        api.MapGet("/", async Task<Ok<IReadOnlyList<NotificationView>>> (ClaimsPrincipal user, Notifier notifier, CancellationToken ct) =>
                TypedResults.Ok(await notifier.ListAsync(user.UserId()!, ct)))
            .WithSummary("我的站内消息（最新 100 条）");
        api.MapPost("/read", async Task<Ok<int>> (ClaimsPrincipal user, Notifier notifier, CancellationToken ct) =>
                TypedResults.Ok(await notifier.MarkAllReadAsync(user.UserId()!, ct)))
            .WithSummary("全部标为已读，返回标记的条数");
        return app;
    }
}
