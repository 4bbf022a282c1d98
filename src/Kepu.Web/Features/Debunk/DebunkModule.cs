namespace Kepu.Web.Features.Debunk;

internal static class DebunkModule
{
    public static IServiceCollection AddDebunk(this IServiceCollection services)
    {
        services.AddSingleton<DebunkMatcher>();
        services.AddScoped<CheckText>();
        services.AddScoped<GetDebunk>();
        services.AddScoped<ImportDebunks>();
        services.AddScoped<Demo.DebunkSeeder>();
        services.AddSingleton<ClusterIndex>();
        services.AddScoped<SubmitClaim>();
        services.AddScoped<ClaimStatuses>();
        services.AddScoped<Triage>();
        services.AddScoped<DebunkExperts>();
        services.AddScoped<RumourCharts>();
        return services;
    }

    public static IEndpointRouteBuilder MapDebunk(this IEndpointRouteBuilder app)
    {
        app.MapDebunkApi();
        app.MapClaimsApi();
        app.MapTriageApi();
        app.MapChartsApi();
        return app;
    }
}
