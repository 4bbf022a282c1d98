using Kepu.Web.Features.Outreach.Events;
using Kepu.Web.Features.Outreach.Experts;
using Kepu.Web.Features.Outreach.Orders;

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
        return services;
    }

    public static IEndpointRouteBuilder MapOutreach(this IEndpointRouteBuilder app)
    {
        app.MapEventsApi();
        app.MapOrdersApi();
        return app;
    }
}
