using Kepu.Tests.Infrastructure;
using Kepu.Web.Features.Learning;
using Kepu.Web.Features.Learning.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace Kepu.Tests.Features.Learning;

/// <summary>A host with the four demo courses loaded through the course import.</summary>
public sealed class LearningFixture : KepuFactory, IAsyncLifetime
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
