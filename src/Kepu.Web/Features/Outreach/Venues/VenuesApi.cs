using System.Security.Claims;
using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kepu.Web.Features.Outreach.Venues;

internal static class VenuesApi
{
    public static void MapVenuesApi(this IEndpointRouteBuilder app)
    {
        var open = app.MapGroup("/api/v1/venues").WithTags("场馆与基地 Venues").AllowApiUser();
        open.MapGet("/", async Task<Ok<IReadOnlyList<VenueView>>> (string? kind, string? district, ClaimsPrincipal user, VenueCatalog venues, CancellationToken ct) =>
                TypedResults.Ok(await venues.ListAsync(kind, district, user, ct)))
            .WithSummary("场馆与基地（科普基地、科技馆、开放实验室、科技小院、田间学校、专家大院、科技强镇、科技名村），可按类型 kind 和区县 district 筛选");
        open.MapGet("/{id:int}", async Task<Ok<VenueView>> (int id, ClaimsPrincipal user, VenueCatalog venues, CancellationToken ct) =>
                TypedResults.Ok(await venues.GetAsync(id, user, ct)))
            .WithSummary("一个场馆：位置、每周开放时间、同时容纳人数、联系方式");
        open.MapGet("/{id:int}/open-days", async Task<Ok<IReadOnlyList<OpenDayView>>> (int id, ClaimsPrincipal user, OpenDays days, CancellationToken ct) =>
                TypedResults.Ok(await days.ForVenueAsync(id, user, ct)))
            .WithSummary("场馆今天以后的开放日与剩余名额");

        var api = app.MapGroup("/api/v1/venues").WithTags("场馆与基地 Venues").RequireApiUser();
        api.MapPost("/", async Task<Created<VenueView>> (VenueRequest request, ClaimsPrincipal user, VenueCatalog venues, CancellationToken ct) =>
            {
                var view = await venues.CreateAsync(request, user, ct);
                return TypedResults.Created($"/api/v1/venues/{view.Id}", view);
            })
            .WithSummary("登记场馆（管理员；区县管理员限本区县；机构人员限本单位运营的场馆）；opening 为每周开放时间 [{day:1..7, open:\"09:00\", close:\"17:00\"}]");
        api.MapPut("/{id:int}", async Task<Ok<VenueView>> (int id, VenueRequest request, ClaimsPrincipal user, VenueCatalog venues, CancellationToken ct) =>
                TypedResults.Ok(await venues.UpdateAsync(id, request, user, ct)))
            .WithSummary("修改场馆（场馆的运营单位、所在区县管理员或管理员）");
        api.MapGet("/managed", async Task<Ok<IReadOnlyList<VenueView>>> (ClaimsPrincipal user, VenueCatalog venues, CancellationToken ct) =>
                TypedResults.Ok(await venues.ManagedAsync(user, ct)))
            .WithSummary("我管理的场馆");
        api.MapPost("/{id:int}/bookings", async Task<Created<BookingView>> (int id, BookingRequest request, ClaimsPrincipal user, VenueBookings bookings,
                CancellationToken ct) =>
            {
                var view = await bookings.BookAsync(id, request, user, ct);
                return TypedResults.Created($"/api/v1/venues/bookings/{view.Id}", view);
            })
            .WithSummary("团体预约参观：date、start/end（HH:mm，须在当天开放时间内）、groupKind（school、community、company、other）、groupName、contact、phone、size；任一时刻在馆人数（待确认与已确认的预约）不得超过同时容纳人数，否则 409");
        api.MapGet("/{id:int}/bookings", async Task<Ok<IReadOnlyList<BookingView>>> (int id, DateOnly? from, ClaimsPrincipal user, VenueBookings bookings,
                CancellationToken ct) =>
                TypedResults.Ok(await bookings.ForVenueAsync(id, from, user, ct)))
            .WithSummary("场馆的预约（管理者）；from 缺省为今天");
        api.MapGet("/bookings/mine", async Task<Ok<IReadOnlyList<BookingView>>> (ClaimsPrincipal user, VenueBookings bookings, CancellationToken ct) =>
                TypedResults.Ok(await bookings.MineAsync(user, ct)))
            .WithSummary("我提交的参观预约");
        api.MapPost("/bookings/{id:int}/confirm", async Task<Ok<BookingView>> (int id, ClaimsPrincipal user, VenueBookings bookings, CancellationToken ct) =>
                TypedResults.Ok(await bookings.ConfirmAsync(id, user, ct)))
            .WithSummary("确认预约（场馆管理者）");
        api.MapPost("/bookings/{id:int}/decline", async Task<Ok<BookingView>> (int id, DecisionRequest request, ClaimsPrincipal user, VenueBookings bookings,
                CancellationToken ct) =>
                TypedResults.Ok(await bookings.DeclineAsync(id, request, user, ct)))
            .WithSummary("婉拒预约（场馆管理者），可说明原因");
        api.MapPost("/bookings/{id:int}/cancel", async Task<Ok<BookingView>> (int id, DecisionRequest request, ClaimsPrincipal user, VenueBookings bookings,
                CancellationToken ct) =>
                TypedResults.Ok(await bookings.CancelAsync(id, request, user, ct)))
            .WithSummary("取消预约（预约人或场馆管理者），名额随即释放");
        api.MapPost("/{id:int}/open-days", async Task<Created<OpenDayView>> (int id, OpenDayRequest request, ClaimsPrincipal user, OpenDays days,
                CancellationToken ct) =>
            {
                var view = await days.CreateAsync(id, request, user, ct);
                return TypedResults.Created($"/api/v1/venues/{id}/open-days", view);
            })
            .WithSummary("设立开放日（场馆管理者）：日期、时间、名额（不超过同时容纳人数）");
        api.MapPost("/open-days/{id:int}/registrations", async Task<Ok<OpenDayView>> (int id, ClaimsPrincipal user, OpenDays days, CancellationToken ct) =>
                TypedResults.Ok(await days.RegisterAsync(id, user, ct)))
            .WithSummary("报名开放日：每人一个名额，报满为止（409）");
        api.MapDelete("/open-days/{id:int}/registrations/mine", async Task<Ok<OpenDayView>> (int id, ClaimsPrincipal user, OpenDays days, CancellationToken ct) =>
                TypedResults.Ok(await days.UnregisterAsync(id, user, ct)))
            .WithSummary("取消我的开放日报名，名额释放");
    }
}
