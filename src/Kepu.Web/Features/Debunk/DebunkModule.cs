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
        return services;
    }

    public static IEndpointRouteBuilder MapDebunk(this IEndpointRouteBuilder app)
    {
        app.MapDebunkApi();
        return app;
    }
}
