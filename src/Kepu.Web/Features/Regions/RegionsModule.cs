namespace Kepu.Web.Features.Regions;

internal static class RegionsModule
{
    public static IServiceCollection AddRegions(this IServiceCollection services)
    {
        services.AddScoped<IRegionDirectory, RegionDirectory>();
        services.AddScoped<ListDistricts>();
        services.AddScoped<UpdateDistrict>();
        services.AddScoped<ImportTowns>();
        return services;
    }

    public static IEndpointRouteBuilder MapRegions(this IEndpointRouteBuilder app)
    {
        app.MapRegionsApi();
        return app;
    }
}
