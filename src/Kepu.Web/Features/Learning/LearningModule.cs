using Kepu.Web.Features.Learning.Activities;
using Kepu.Web.Features.Learning.Ledger;

namespace Kepu.Web.Features.Learning;

internal static class LearningModule
{
    public static IServiceCollection AddLearning(this IServiceCollection services)
    {
        services.AddScoped<CourseCatalog>();
        services.AddScoped<CourseProgress>();
        services.AddScoped<CourseImport>();
        services.AddScoped<Points>();
        services.AddScoped<Leaderboards>();
        services.AddScoped<QuestionBank>();
        services.AddScoped<SurveyQuestions>();
        services.AddScoped<Practice>();
        services.AddScoped<Exams>();
        services.AddScoped<UnitReports>();
        services.AddScoped<XApiExport>();
        services.AddScoped<PointRules>();
        services.AddScoped<Certificates>();
        services.AddScoped<ActivityInput>();
        services.AddScoped<ScienceActivities>();
        services.AddSingleton<CertificatePdf>();
        services.AddScoped<LedgerVerifier>();
        services.AddScoped<Demo.LearningSeeder>();
        services.AddScoped<Demo.LearningDemo>();
        services.AddScoped<Feed.IMissedTopics, LearningSignals>();
        services.AddScoped<Library.IReadingObserver, ReadingPoints>();
        services.AddScoped<Accounts.IPersonalDataSource, LearningPersonalData>();
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, MissedTopicEviction>();
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, LeaderboardCacheEviction>();
        services.AddSingleton<LedgerWriter>();
        services.AddSingleton<LedgerDigests>();
        services.AddHostedService(sp => sp.GetRequiredService<LedgerDigests>());
        return services;
    }

    public static IEndpointRouteBuilder MapLearning(this IEndpointRouteBuilder app)
    {
        app.MapLearningApi();
        app.MapLedgerApi();
        app.MapQuestionBankApi();
        app.MapPracticeApi();
        app.MapExamsApi();
        app.MapActivitiesApi();
        return app;
    }
}
