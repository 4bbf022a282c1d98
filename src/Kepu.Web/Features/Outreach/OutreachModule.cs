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
        services.AddScoped<Demo.EventsDemo>();
        services.AddScoped<OutreachAccess>();
        services.AddScoped<VenueInput>();
        services.AddScoped<VenueCatalog>();
        services.AddScoped<VenueBookings>();
        services.AddScoped<OpenDays>();
        services.AddScoped<Envoys>();
        services.AddScoped<Volunteers>();
        services.AddScoped<Demo.OutreachSeeder>();
        return services;
    }

    public static IEndpointRouteBuilder MapOutreach(this IEndpointRouteBuilder app)
    {
        app.MapEventsApi();
        app.MapOrdersApi();
        app.MapVenuesApi();
        app.MapPeopleApi();
        return app;
    }
}
