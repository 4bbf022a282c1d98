using Kepu.Web.Features.Accounts;

namespace Kepu.Web.Infrastructure.Data;

internal static class Startup
{
    /// <summary>Before the first request: migrate, then seed roles (and demo accounts where allowed).</summary>
    public static async Task InitializeAsync(IServiceProvider services, CancellationToken ct = default)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        if (configuration.GetValue("Database:MigrateOnStartup", true))
        {
            await DataServices.MigrateAsync(services, ct);
        }

        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AccountSeeder>().SeedAsync(ct);
        await scope.ServiceProvider.GetRequiredService<Features.Library.Demo.LibrarySeeder>().SeedAsync(ct);
        await scope.ServiceProvider.GetRequiredService<Features.Debunk.Demo.DebunkSeeder>().SeedAsync(ct);
        await scope.ServiceProvider.GetRequiredService<Features.Learning.Demo.LearningSeeder>().SeedAsync(ct);
        await scope.ServiceProvider.GetRequiredService<Features.Outreach.Demo.EventsDemo>().SeedAsync(ct);
        await scope.ServiceProvider.GetRequiredService<Features.Outreach.Demo.OutreachSeeder>().SeedAsync(ct);
        await scope.ServiceProvider.GetRequiredService<Features.Outreach.Caravans.Demo.CaravanSeeder>().SeedAsync(ct);
        await scope.ServiceProvider.GetRequiredService<Features.Contests.Demo.ContestsSeeder>().SeedAsync(ct);
        await scope.ServiceProvider.GetRequiredService<Features.Insights.Survey.Demo.SurveySeeder>().SeedAsync(ct);
        await scope.ServiceProvider.GetRequiredService<Features.Insights.Activity.Demo.ActivityDemo>().SeedAsync(ct);
    }
}
