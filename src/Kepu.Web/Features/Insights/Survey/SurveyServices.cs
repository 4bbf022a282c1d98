namespace Kepu.Web.Features.Insights.Survey;

/// <summary>The civic science-literacy survey (监测评估): waves, online fielding, imports, weighted estimates, progress.</summary>
internal static class SurveyServices
{
    public static IServiceCollection AddSurvey(this IServiceCollection services)
    {
        services.AddScoped<SurveyWaves>();
        services.AddScoped<SurveyImports>();
        services.AddScoped<OnlineSurvey>();
        services.AddScoped<SurveyResults>();
        services.AddScoped<Demo.SurveySeeder>();
        return services;
    }
}
