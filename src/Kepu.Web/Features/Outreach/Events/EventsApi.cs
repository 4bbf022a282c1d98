using System.Security.Claims;
using Kepu.Web.Features.Accounts;
using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kepu.Web.Features.Outreach.Events;

public sealed record CheckInRequest(string? Secret);

internal static class EventsApi
{
    public static void MapEventsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/events").WithTags("活动 Events");
        api.MapGet("/", async Task<Ok<IReadOnlyList<EventView>>> (string? district, string? kind, string? audience, DateOnly? from, DateOnly? to, int? take,
                EventCatalog catalog, CancellationToken ct) =>
                TypedResults.Ok(await catalog.ListAsync(new EventFilter(district, kind, audience, from, to, Take: take ?? EventCatalog.PageSize), ct)))
            .WithSummary("活动日历：按区县（district）、类型（kind）、人群（audience）、北京时间日期范围（from、to）筛选；默认列出未结束的");
        api.MapGet("/{id:int}", async Task<Ok<EventView>> (int id, EventCatalog catalog, CancellationToken ct) => TypedResults.Ok(await catalog.GetAsync(id, ct)))
            .WithSummary("一个活动：时间、地点、名额、已报名与候补人数、活动总结");
        api.MapPost("/", async Task<Created<EventView>> (EventRequest request, ClaimsPrincipal user, EventManagement events, CancellationToken ct) =>
            {
                var view = await events.CreateAsync(request, user, ct);
                return TypedResults.Created($"/api/v1/events/{view.Id}", view);
            })
            .RequireApiUser(EventInput.Organizers)
            .WithSummary("发布活动（科协编辑、机构、专家、管理员；区县管理员只能在本区县）；startsAt/endsAt 带时区，如 2026-12-05T09:30:00+08:00");
        api.MapPut("/{id:int}", async Task<Ok<EventView>> (int id, EventRequest request, ClaimsPrincipal user, EventManagement events, CancellationToken ct) =>
                TypedResults.Ok(await events.UpdateAsync(id, request, user, ct)))
            .RequireApiUser(EventInput.Organizers)
            .WithSummary("修改活动（发布者、科协编辑、所在区县的管理员）；名额不能少于已报名人数");
        api.MapPost("/{id:int}/cancel", async Task<Ok<EventView>> (int id, ClaimsPrincipal user, EventManagement events, CancellationToken ct) =>
                TypedResults.Ok(await events.CancelAsync(id, user, ct)))
            .RequireApiUser(EventInput.Organizers)
            .WithSummary("取消活动：已报名和候补的人会收到站内消息");
        api.MapPost("/{id:int}/registrations", async Task<Created<RegistrationView>> (int id, ClaimsPrincipal user, EventRegistrations registrations, CancellationToken ct) =>
            {
                var view = await registrations.RegisterAsync(id, user.UserId()!, ct);
                return TypedResults.Created($"/api/v1/events/{id}/registrations/me", view);
            })
            .RequireApiUser()
            .WithSummary("报名：有名额时 status=registered，满员时进入候补 status=waitlisted（waitlistPosition 为候补序号）");
        api.MapGet("/{id:int}/registrations/me", async Task<Results<Ok<RegistrationView>, NotFound>> (int id, ClaimsPrincipal user, EventRegistrations registrations,
                CancellationToken ct) =>
                await registrations.MineAsync(id, user.UserId()!, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound())
            .RequireApiUser()
            .WithSummary("我在这个活动的报名状态");
        api.MapDelete("/{id:int}/registrations/me", async Task<Ok<RegistrationView>> (int id, ClaimsPrincipal user, EventRegistrations registrations, CancellationToken ct) =>
                TypedResults.Ok(await registrations.CancelAsync(id, user.UserId()!, ct)))
            .RequireApiUser()
            .WithSummary("取消我的报名；空出的名额自动给候补第一位，并发站内消息通知");
        api.MapGet("/{id:int}/registrations", async Task<Ok<IReadOnlyList<AttendeeView>>> (int id, ClaimsPrincipal user, EventRegistrations registrations, CancellationToken ct) =>
                TypedResults.Ok(await registrations.AttendeesAsync(id, user, ct)))
            .RequireApiUser(EventInput.Organizers)
            .WithSummary("报名名单（活动管理者）：已报名在前，候补按先后");
        api.MapPost("/{id:int}/checkin", async Task<Ok<RegistrationView>> (int id, CheckInRequest request, ClaimsPrincipal user, EventRegistrations registrations,
                CancellationToken ct) =>
                TypedResults.Ok(await registrations.CheckInAsync(id, request.Secret ?? "", user.UserId()!, ct)))
            .RequireApiUser()
            .WithSummary("扫码签到：secret 为现场二维码中的签到码；活动开始前 1 小时到结束可签到");
        api.MapPost("/{id:int}/registrations/{registrationId:int}/checkin", async Task<Ok<RegistrationView>> (int id, int registrationId, ClaimsPrincipal user,
                EventRegistrations registrations, CancellationToken ct) =>
                TypedResults.Ok(await registrations.CheckInByStaffAsync(id, registrationId, user, ct)))
            .RequireApiUser(EventInput.Organizers)
            .WithSummary("工作人员代签到（没有手机的老人）");
        api.MapPost("/{id:int}/report", async Task<Ok<EventView>> (int id, EventReportRequest request, ClaimsPrincipal user, EventManagement events, CancellationToken ct) =>
                TypedResults.Ok(await events.ReportAsync(id, request, user, null, ct)))
            .RequireApiUser(EventInput.Organizers)
            .WithSummary("活动总结：到场人数（缺省为签到人数）、情况、照片（先 POST /api/v1/media 上传，填 /media/… 地址，最多 9 张）");

        // Calendar files, for phones' calendar apps: plain URLs, no sign-in.
        app.MapGet("/events/calendar.ics", async (string? district, string? kind, string? audience, HttpRequest http, EventCatalog catalog, CancellationToken ct) =>
                Results.Text(EventCalendar.Write(await catalog.ListAsync(new EventFilter(district, kind, audience, Take: EventCatalog.MaxTake), ct), BaseUrl(http), "科普重庆活动"),
                    EventCalendar.ContentType))
            .WithTags("活动 Events").WithSummary("活动日历订阅（iCalendar，RFC 5545），可带与列表相同的筛选");
        app.MapGet("/events/{id:int}.ics", async (int id, HttpRequest http, EventCatalog catalog, CancellationToken ct) =>
            {
                var e = await catalog.GetAsync(id, ct);
                return Results.File(System.Text.Encoding.UTF8.GetBytes(EventCalendar.Write([e], BaseUrl(http), e.Title)), EventCalendar.ContentType, $"event-{id}.ics");
            })
            .WithTags("活动 Events").WithSummary("单个活动的日历文件（.ics）");
    }

    private static string BaseUrl(HttpRequest http) => $"{http.Scheme}://{http.Host}";
}
