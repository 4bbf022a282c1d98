using System.Reflection;
using System.Text.Json;
using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Features.Library.Entities;
using Kepu.Web.Features.Regions.Entities;
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

    /// <summary>Two campaigns (one running now, one next flood season) and one screen playlist.</summary>
    private async Task SeedChannelsAsync(IReadOnlyList<DemoItem> demo, string editor, DateTime now, CancellationToken ct)
    {
        var byKey = await db.Set<ContentItem>().AsNoTracking().Select(c => new { c.Id, c.Title }).ToListAsync(ct);
        int[] Ids(Func<DemoItem, bool> pick, int take) =>
            [.. demo.Where(pick).Take(take).Select(d => byKey.First(c => c.Title == d.Title).Id)];

        var elderHealth = Ids(d => d.Audiences.Contains("elderly") && d.Topics.Any(t => t is "合理膳食" or "合理用药" or "体育锻炼" or "心理健康" or "食品安全"), 6);
        var floods = Ids(d => d.Topics.Any(t => t is "防灾减灾" or "应急避险"), 6);
        var year = now.Year + (now.Month > 9 ? 1 : 0);
        db.Add(new Campaign("老年健康宣传周", "老年健康宣传周：合理膳食、安全用药、适量运动，健康长寿有科学。", now.AddDays(-2), now.AddDays(12),
            ["elderly"], [], [], elderHealth, editor, now));
        db.Add(new Campaign("汛期防灾减灾", "汛期来临：关注预警，远离河道和陡坡，发现滑坡前兆立即撤离。",
            new DateTime(year, 4, 30, 16, 0, 0, DateTimeKind.Utc), new DateTime(year, 9, 30, 16, 0, 0, DateTimeKind.Utc),
            [], [], [RegionGroup.Northeast, RegionGroup.Southeast], floods, editor, now));
        db.Add(new ScreenPlaylist("渝东南公交车载屏", ["500114", "500240", "500241", "500242", "500243"],
            Ids(d => d.ElderFriendly || (d.RegionGroups?.Contains(RegionGroup.Southeast) ?? false), 8), 15, editor, now));
        await db.SaveChangesAsync(ct);
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
        await SeedChannelsAsync(items, editor.Id, now, ct);
        await tx.CommitAsync(ct);
        return items.Count;
    }
}
