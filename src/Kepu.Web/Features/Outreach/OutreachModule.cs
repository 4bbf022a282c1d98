using Kepu.Web.Features.Outreach.People;
using Kepu.Web.Features.Outreach.Venues;

namespace Kepu.Web.Features.Outreach;

/// <summary>基层与流动科普: events, venues and bases, experts/特派员/volunteers, 点单 orders, caravan planning.</summary>
internal static class OutreachModule
{
    public static IServiceCollection AddOutreach(this IServiceCollection services)
    {
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
        app.MapVenuesApi();
        app.MapPeopleApi();
        return app;
    }
}
