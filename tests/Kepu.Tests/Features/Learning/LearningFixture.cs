using Kepu.Tests.Infrastructure;
using Kepu.Web.Features.Learning;
using Kepu.Web.Features.Learning.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace Kepu.Tests.Features.Learning;

/// <summary>A host with the four demo courses loaded through the course import.</summary>
public class LearningFixture : KepuFactory, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var import = scope.ServiceProvider.GetRequiredService<CourseImport>();
        foreach (var (_, text) in LearningSeeder.Courses())
        {
            await import.ImportAsync(text);
        }
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

/// <summary>The same, on a clock the test moves (the challenge's 45 seconds are the server's).</summary>
public sealed class ClockedLearningFixture : LearningFixture
{
    public Microsoft.Extensions.Time.Testing.FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}
