using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Features.Library.Demo;
using Kepu.Web.Features.Library.Entities;
using Kepu.Web.Features.Library.Search;
using Kepu.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Infrastructure.Cli;

/// <summary>
/// <c>bench data --items N --users M</c>: fills an empty database with N published items (text recombined from the
/// demo library) and M citizens spread over the 38 districts, of whom the first 100 (<c>bench0001</c> …) can sign in
/// with the password in KEPU_BENCH_PASSWORD (default <c>Bench-pass-2026</c>). Then rebuilds the search index.
/// For benchmarks only; refuses a database that already has items.
/// </summary>
internal static class BenchData
{
    private const int Batch = 5000;
    private static readonly string[] Audiences = ["youth", "farmers", "workers", "elderly", "officials", "public"];
    private static readonly string[] Districts =
    [
        "500103", "500104", "500105", "500106", "500107", "500108", "500109", "500112", "500113", "500102", "500115", "500116", "500117",
        "500118", "500119", "500110", "500111", "500120", "500151", "500152", "500153", "500101", "500154", "500155", "500229", "500230",
        "500231", "500233", "500235", "500236", "500237", "500238", "500114", "500156", "500240", "500241", "500242", "500243",
    ];

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter stdout, TextWriter stderr)
    {
        var items = Option(args, "--items", 100_000);
        var people = Option(args, "--users", 1_000_000);
        await DataServices.MigrateAsync(services);
        await using (var check = services.CreateAsyncScope())
        {
            if (await check.ServiceProvider.GetRequiredService<AppDbContext>().Set<ContentItem>().AnyAsync())
            {
                await stderr.WriteLineAsync("失败：数据库里已经有内容。bench data 只用于空的基准测试数据库。");
                return 1;
            }

            await check.ServiceProvider.GetRequiredService<Features.Accounts.AccountSeeder>().SeedAsync();
        }

        var random = new Random(20261129);
        var demo = LibrarySeeder.Load();
        var now = DateTime.UtcNow;
        var password = Environment.GetEnvironmentVariable("KEPU_BENCH_PASSWORD") is { Length: > 0 } p ? p : "Bench-pass-2026";
        var hash = new PasswordHasher<AppUser>().HashPassword(new AppUser(), password);
        string citizenRole;
        string author;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            citizenRole = await db.Set<IdentityRole>().Where(r => r.Name == Roles.Citizen).Select(r => r.Id).SingleAsync();
            author = await db.Set<AppUser>().OrderBy(u => u.CreatedAt).Select(u => u.Id).FirstOrDefaultAsync() ?? "bench";
        }

        await stdout.WriteLineAsync($"生成 {people} 个用户…");
        for (var start = 0; start < people; start += Batch)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = start; i < Math.Min(start + Batch, people); i++)
            {
                var name = $"bench{i + 1:D7}";
                var user = new AppUser
                {
                    UserName = name, NormalizedUserName = name.ToUpperInvariant(), SecurityStamp = Guid.NewGuid().ToString(),
                    ConcurrencyStamp = Guid.NewGuid().ToString(), PasswordHash = i < 100 ? hash : null, LockoutEnabled = true,
                    DistrictCode = Districts[random.Next(Districts.Length)], Audiences = [Audiences[random.Next(Audiences.Length)]],
                    ElderMode = random.Next(5) == 0, CreatedAt = now.AddDays(-random.Next(700)),
                };
                db.Add(user);
                db.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = citizenRole });
            }

            await db.SaveChangesAsync();
            if ((start / Batch) % 20 == 0)
            {
                await stdout.WriteLineAsync($"  用户 {Math.Min(start + Batch, people)}/{people}");
            }
        }

        await stdout.WriteLineAsync($"生成 {items} 条已发布内容…");
        for (var start = 0; start < items; start += Batch)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = start; i < Math.Min(start + Batch, items); i++)
            {
                var a = demo[random.Next(demo.Count)];
                var b = demo[random.Next(demo.Count)];
                var written = now.AddDays(-random.Next(365)).AddMinutes(-random.Next(1440));
                var targeted = random.Next(10) == 0;
                var fields = new ContentFields("article", $"{a.Title}（{i + 1}）", a.Summary, a.Body + "\n\n" + b.Body, null, null, null,
                    random.Next(3) == 0 ? [Audiences[random.Next(Audiences.Length)], "public"] : [Audiences[random.Next(Audiences.Length)]], a.Topics,
                    targeted ? [Districts[random.Next(Districts.Length)]] : [], [], a.Authors, a.Licence, a.ElderFriendly);
                var item = new ContentItem(fields, null, author, written);
                item.Submit(author, written);
                item.Review(true, "基准数据", author, written);
                item.Publish(null, author, written);
                db.Add(item);
            }

            await db.SaveChangesAsync();
            if ((start / Batch) % 4 == 0)
            {
                await stdout.WriteLineAsync($"  内容 {Math.Min(start + Batch, items)}/{items}");
            }
        }

        await stdout.WriteLineAsync("重建搜索索引…");
        var indexed = await services.GetRequiredService<SearchProjector>().RebuildAsync(
            new SyncReport(p => { if (p.Done % 20000 == 0 || p.Done == p.Total) { stdout.WriteLine($"  已索引 {p.Done}/{p.Total}"); } }));
        await stdout.WriteLineAsync($"完成：{people} 个用户，{items} 条内容，索引 {indexed} 条。");
        return 0;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var value) && value >= 0 ? value : fallback;
    }

    private sealed class SyncReport(Action<(int Done, int Total)> report) : IProgress<(int Done, int Total)>
    {
        public void Report((int Done, int Total) value) => report(value);
    }
}
