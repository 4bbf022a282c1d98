using System.Security.Cryptography;
using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Accounts;

/// <summary>
/// Roles exist in every environment. Demo accounts are created only in Development (or when a test host
/// asks with Demo:Seed) and only into a database without users; never in Production.
/// </summary>
internal sealed class AccountSeeder(
    AppDbContext db,
    UserManager<AppUser> users,
    RoleManager<IdentityRole> roles,
    IConfiguration configuration,
    IHostEnvironment environment,
    TimeProvider clock,
    ILogger<AccountSeeder> logger)
{
    public const string DemoOrganization = "重庆市科普示范机构（演示）";

    /// <summary>Demo experts beyond the one <c>expert</c> account (Demo:Content): user name, display name, district, disciplines.</summary>
    public static readonly IReadOnlyList<(string Name, string Display, string District, string[] Disciplines)> DemoExperts =
    [
        ("expert-wz", "谭建华（万州区人民医院）", "500101", ["健康", "合理用药"]),
        ("expert-qj", "田秀英（黔江区农业农村委）", "500114", ["农业农村"]),
        ("expert-yy", "冉光明（酉阳县反诈中心）", "500242", ["防范电信诈骗", "个人信息保护"]),
        ("expert-cq", "刘晓燕（重庆医科大学）", "500103", ["健康", "心理健康"]),
        ("expert-lp", "周永福（退休高级农艺师）", "500155", ["农业实用技术", "生态环境"]),
    ];

    /// <summary>Contributors of the demo library (Development only).</summary>
    private static readonly (string Name, string Kind, string District)[] DemoContributors =
    [
        ("重庆医科大学（演示）", "university", "500103"),
        ("重庆市农业科学院（演示）", "institute", "500106"),
        ("重庆市应急管理宣传中心（演示）", "government", "500112"),
        ("重庆日报科普频道（演示）", "media", "500105"),
        ("西南大学（演示）", "university", "500109"),
    ];

    public async Task SeedAsync(CancellationToken ct = default)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        var wanted = environment.IsDevelopment() || configuration.GetValue<bool>("Demo:Seed");
        if (!wanted || environment.IsProduction() || await db.Set<AppUser>().AnyAsync(ct))
        {
            return;
        }

        var password = configuration["Demo:Password"];
        if (string.IsNullOrEmpty(password))
        {
            password = "Kepu-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(5)).ToLowerInvariant();
            // Printed once, on purpose: this is the only way to learn a generated demo password.
            Console.WriteLine($"演示账号已创建（admin、editor、expert、org、district、citizen），本次生成的密码：{password}");
            Console.WriteLine($"Demo accounts created (admin, editor, expert, org, district, citizen); generated password: {password}");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var org = new Organization(DemoOrganization, "society", "500103", now);
        db.Add(org);
        foreach (var (name, kind, district) in DemoContributors)
        {
            db.Add(new Organization(name, kind, district, now));
        }

        await db.SaveChangesAsync(ct);

        async Task<AppUser> Create(string name, string display, string role, string district, string[] audiences, Action<AppUser>? extra = null)
        {
            var user = new AppUser
            {
                UserName = name,
                DisplayName = display,
                DistrictCode = district,
                Audiences = [.. audiences],
                CreatedAt = now,
            };
            extra?.Invoke(user);
            IdentityChecks.Ensure(await users.CreateAsync(user, password), "userName");
            IdentityChecks.Ensure(await users.AddToRoleAsync(user, role), "roles");
            db.Add(new PrivacyConsent(user.Id, PrivacyNotice.CurrentVersion, "seed", now));
            return user;
        }

        await Create("admin", "平台管理员", Roles.Admin, "500103", ["officials"]);
        await Create("editor", "科协编辑", Roles.Editor, "500103", ["public"]);
        await Create("expert", "科普专家", Roles.Expert, "500106", ["public"],
            u => u.Disciplines = ["健康", "安全", "数字生活", "农业农村", "前沿科技", "生态环境", "科学精神与科学家"]);
        var orgUser = await Create("org", "机构联络员", Roles.Organization, "500103", ["public"]);
        org.AddMember(orgUser.Id, isManager: true, now);
        await Create("district", "酉阳县区县管理员", Roles.DistrictAdmin, "500242", ["officials"], u => u.ManagedDistrictCode = "500242");
        await Create("citizen", "万州老人", Roles.Citizen, "500101", ["elderly"], u =>
        {
            u.ElderMode = true;
            u.VerifiedAt = now;
        });
        // The expert pool's demo (Outreach) needs more than one expert: doctors, an agronomist, an anti-fraud officer, a retired scientist.
        if (configuration.GetValue("Demo:Content", true))
        {
            foreach (var (name, display, district, disciplines) in DemoExperts)
            {
                await Create(name, display, Roles.Expert, district, ["public"], u => u.Disciplines = [.. disciplines]);
            }
        }

        await db.SaveChangesAsync(ct);
        logger.LogInformation("Seeded demo accounts");
    }
}
