using Kepu.Web.Features.Debunk.Entities;
using Kepu.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Debunk.Demo;

/// <summary>
/// The demo debunks written for this project (<c>debunks-*.jsonl</c>), loaded through the same import as the
/// <c>debunks import</c> command. Development only (or Demo:Seed with Demo:Content in tests), into an empty table.
/// </summary>
public sealed class DebunkSeeder(AppDbContext db, ImportDebunks import, IConfiguration configuration, IHostEnvironment environment)
{
    public static IEnumerable<(string Name, string Text)> Files() => DemoFiles.Read("debunks-");

    public async Task<int> SeedAsync(CancellationToken ct = default)
    {
        var wanted = (environment.IsDevelopment() || configuration.GetValue<bool>("Demo:Seed")) && configuration.GetValue("Demo:Content", true);
        if (!wanted || environment.IsProduction() || await db.Set<DebunkEntry>().AnyAsync(ct))
        {
            return 0;
        }

        var added = 0;
        foreach (var (_, text) in Files())
        {
            added += (await import.ImportAsync(new StringReader(text), "system", ct)).Added;
        }

        return added;
    }
}
