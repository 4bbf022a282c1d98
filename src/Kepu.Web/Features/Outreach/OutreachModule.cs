using Kepu.Web.Features.Outreach.Caravans;

namespace Kepu.Web.Features.Outreach;

/// <summary>基层与流动科普: events, venues and bases, experts/特派员/volunteers, 点单 orders, caravan planning.</summary>
internal static class OutreachModule
{
    public static IServiceCollection AddOutreach(this IServiceCollection services)
    {
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
        app.MapCaravansApi();
        return app;
    }
}
