using System.Security.Claims;
using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Kepu.Web.Features.Outreach.Caravans;
using Kepu.Web.Features.Outreach.Events;
using Kepu.Web.Features.Outreach.Experts;
using Kepu.Web.Features.Outreach.Orders;
using Kepu.Web.Features.Outreach.People;
using Kepu.Web.Features.Outreach.Venues;

namespace Kepu.Web.Features.Outreach;

/// <summary>基层与流动科普: events, venues and bases, experts/特派员/volunteers, 点单 orders, caravan planning.</summary>
internal static class OutreachModule
{
    public static IServiceCollection AddOutreach(this IServiceCollection services)
    {
        services.AddScoped<EventInput>();
        services.AddScoped<EventCatalog>();
        services.AddScoped<EventManagement>();
        services.AddScoped<EventRegistrations>();
        services.AddScoped<ExpertPool>();
        services.AddScoped<ExpertMatcher>();
        services.AddScoped<OrderDesk>();
        services.AddScoped<DistrictActivity>();
        services.AddScoped<IOutreachFigures, OutreachFigures>();
        services.AddScoped<Demo.EventsDemo>();
        services.AddScoped<OutreachAccess>();
        services.AddScoped<VenueInput>();
        services.AddScoped<VenueCatalog>();
        services.AddScoped<VenueBookings>();
        services.AddScoped<OpenDays>();
        services.AddScoped<Envoys>();
        services.AddScoped<Volunteers>();
        services.AddScoped<Demo.OutreachSeeder>();
        services.AddScoped<CaravanUnits>();
        services.AddScoped<CaravanTargets>();
        services.AddScoped<CreateCaravanPlan>();
        services.AddScoped<CaravanPlans>();
        services.AddScoped<CaravanCoverage>();
        services.AddScoped<ImportDistances>();
        services.AddScoped<Caravans.Demo.CaravanSeeder>();
        return services;
    }

    public static IEndpointRouteBuilder MapOutreach(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/outreach/districts/{code}/activity", async Task<Ok<DistrictActivityView>> (string code, ClaimsPrincipal user, DistrictActivity activity,
                CancellationToken ct) => TypedResults.Ok(await activity.GetAsync(user, code, ct)))
            .RequireApiUser(Roles.DistrictAdmin, Roles.Admin).WithTags("活动 Events")
            .WithSummary("乡镇覆盖：本区县各乡镇（街道）近 12 个月按月的活动场次、参与人次、大篷车到站次数（区县管理员看本区县，管理员看任一区县）");
        app.MapEventsApi();
        app.MapOrdersApi();
        app.MapVenuesApi();
        app.MapPeopleApi();
        app.MapCaravansApi();
        return app;
    }
}
