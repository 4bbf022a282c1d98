using Kepu.Web.Features.Insights.Activity;
using Kepu.Web.Features.Insights.Dashboards;
using Kepu.Web.Features.Insights.Dashboards.Population;
using Kepu.Web.Features.Insights.Survey;

namespace Kepu.Web.Features.Insights;

/// <summary>
/// 运行监测与评估: the activity log other modules write to (<see cref="ActivityLog"/>), the aggregates kept from it, the
/// operations dashboards (/insights) with their exports, resident population for figures per 10,000 residents, and the
/// civic science-literacy survey (/insights/survey: waves, fielding, imports, weighted estimates, progress).
/// </summary>
internal static class InsightsModule
{
    public static IServiceCollection AddInsights(this IServiceCollection services)
    {
        services.AddScoped<ActivityLog>();
        services.AddSingleton<ActivityBuffer>();
        services.AddHostedService(sp => sp.GetRequiredService<ActivityBuffer>());
        services.AddScoped<ReachProjector>();
        services.AddHostedService<ReachProjectorService>();
        services.AddScoped<ReachRebuild>();
        services.AddScoped<Activity.Demo.ActivityDemo>();

        services.AddScoped<ReachAccess>();
        services.AddScoped<ReachQuery>();
        services.AddScoped<StatisticsExport>();
        services.AddScoped<PopulationBook>();

        services.AddScoped<SurveyWaves>();
        services.AddScoped<SurveyImports>();
        services.AddScoped<OnlineSurvey>();
        services.AddScoped<SurveyResults>();
        services.AddScoped<Survey.Demo.SurveySeeder>();
        return services;
    }

    public static IEndpointRouteBuilder MapInsights(this IEndpointRouteBuilder app)
    {
        app.MapInsightsApi();
        app.MapSurveyApi();
        return app;
    }
}
