using Kepu.Web.Features.Learning.Entities;
using Kepu.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Learning.Demo;

/// <summary>
/// Point rules are always there (administrators change them). The four demo courses written for this project
/// (<c>course-*.json</c>) load in Development, or with Demo:Seed and Demo:Content, into an empty catalogue.
/// </summary>
public sealed class LearningSeeder(AppDbContext db, CourseImport import, LearningDemo demo, IConfiguration configuration, IHostEnvironment environment)
{
    public static IEnumerable<(string Name, string Text)> Courses() => DemoFiles.Read("course-");

    public async Task SeedAsync(CancellationToken ct = default)
    {
        var rules = await db.Set<PointRule>().Select(r => r.Kind).ToListAsync(ct);
        foreach (var (kind, label, points, cap) in PointKinds.Defaults.Where(d => !rules.Contains(d.Kind)))
        {
            db.Add(new PointRule(kind, label, points, cap));
        }

        await db.SaveChangesAsync(ct);
        var wanted = (environment.IsDevelopment() || configuration.GetValue<bool>("Demo:Seed")) && configuration.GetValue("Demo:Content", true);
        if (!wanted || environment.IsProduction() || await db.Set<Course>().AnyAsync(ct))
        {
            return;
        }

        foreach (var (_, text) in Courses())
        {
            await import.ImportAsync(text, ct);
        }

        await demo.SeedAsync(ct);
    }
}
