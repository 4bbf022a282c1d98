using Kepu.Web.Features.Library.Search;

namespace Kepu.Web.Features.Library;

internal static class LibraryModule
{
    public static IServiceCollection AddLibrary(this IServiceCollection services)
    {
        services.AddScoped<Taxonomy>();
        services.AddScoped<Demo.LibrarySeeder>();
        services.AddScoped<ContentAccess>();
        services.AddScoped<SaveContent>();
        services.AddScoped<AwardedWorks>();
        services.AddScoped<ContentWorkflow>();
        services.AddScoped<GetContent>();
        services.AddSingleton<PublishedViews>();
        services.AddOutputCache(o => o.AddPolicy(PublishedPageCache.Policy, new PublishedPageCache()));
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, PublishedViewEviction>();
        services.AddSingleton<SearchIndex>();
        services.AddSingleton<SearchProjector>();
        services.AddHostedService(sp => sp.GetRequiredService<SearchProjector>());
        services.AddScoped<SearchContent>();
        services.AddSingleton<ContentCatalog>();
        services.AddScoped<RecordReading>();
        services.AddScoped<Accounts.IPersonalDataSource, ReadingPersonalData>();
        services.AddScoped<ReadingHistories>();
        services.AddScoped<ContentWorkbench>();
        services.AddScoped<Campaigns>();
        services.AddScoped<DemandSensing>();
        services.AddSingleton<SearchLogBuffer>();
        services.AddHostedService(sp => sp.GetRequiredService<SearchLogBuffer>());
        services.AddScoped<HotTopics>();
        services.AddScoped<EditTaxonomy>();
        services.AddSingleton<Media.MediaStore>();
        services.AddSingleton<Media.ResumableUploads>();
        services.AddHostedService<Media.StaleUploadSweeper>();
        services.AddScoped<Screens>();
        services.AddScoped<Channels>();
        services.AddSingleton<ScheduledPublisher>();
        services.AddHostedService(sp => sp.GetRequiredService<ScheduledPublisher>());
        return services;
    }

    public static IEndpointRouteBuilder MapLibrary(this IEndpointRouteBuilder app)
    {
        app.MapLibraryApi();
        app.MapChannels();
        app.MapHotTopics();
        Media.MediaApi.MapMedia(app);
        Media.ResumableUploadsApi.MapResumableUploads(app);
        return app;
    }
}
