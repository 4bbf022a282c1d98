using System.Reflection;
using System.Text.Json;
using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Features.Library.Entities;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Outbox;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Library.Demo;

/// <summary>
/// The demo library (64 items written for this project, <c>demo-contents-*.json</c>), published as if each had
/// gone through the workflow: written by the demo organisation account, approved by the demo expert and
/// published by the demo editor over the last two months. Development only (or Demo:Content in tests),
/// into an empty library, never in Production.
/// </summary>
public sealed class LibrarySeeder(
    AppDbContext db, UserManager<AppUser> users, IAccountDirectory accounts, IConfiguration configuration, IHostEnvironment environment, TimeProvider clock)
{
    public sealed record DemoItem(
        string Key, string Kind, string Title, string Summary, string Body, List<string> Audiences, List<string> Topics, string Organization,
        List<string> Authors, string Licence, bool ElderFriendly, List<string>? Districts, List<string>? RegionGroups);

    public static IReadOnlyList<DemoItem> Load()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("demo/demo-contents-", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .SelectMany(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                return JsonSerializer.Deserialize<List<DemoItem>>(stream, options)!;
            })
            .ToList();
    }

    public async Task<int> SeedAsync(CancellationToken ct = default)
    {
        var wanted = (environment.IsDevelopment() || configuration.GetValue<bool>("Demo:Seed")) && configuration.GetValue("Demo:Content", true);
        if (!wanted || environment.IsProduction() || await db.Set<ContentItem>().AnyAsync(ct))
        {
            return 0;
        }

        var writer = await users.FindByNameAsync("org");
        var expert = await users.FindByNameAsync("expert");
        var editor = await users.FindByNameAsync("editor");
        if (writer is null || expert is null || editor is null)
        {
            return 0; // demo accounts were not seeded into this database
        }

        var items = Load();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        for (var i = 0; i < items.Count; i++)
        {
            var d = items[i];
            var organization = await accounts.OrganizationIdByNameAsync(d.Organization, ct);
            var written = now.AddDays(-(items.Count - i)).AddHours(-3);
            var fields = new ContentFields(d.Kind, d.Title, d.Summary, d.Body, null, null, null, d.Audiences, d.Topics,
                d.Districts ?? [], d.RegionGroups ?? [], d.Authors, d.Licence, d.ElderFriendly);
            var item = new ContentItem(fields, organization, writer.Id, written);
            item.Submit(writer.Id, written.AddHours(1));
            item.Review(true, "科学性审核通过", expert.Id, written.AddHours(2));
            item.Publish(null, editor.Id, written.AddHours(3));
            db.Add(item);
        }

        await db.SaveChangesAsync(ct);
        foreach (var id in await db.Set<ContentItem>().Select(c => c.Id).ToListAsync(ct))
        {
            db.Add(new OutboxMessage(ContentOutbox.Stream, id.ToString(System.Globalization.CultureInfo.InvariantCulture), "upsert", now));
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return items.Count;
    }
}
