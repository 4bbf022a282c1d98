using System.Globalization;
using System.Text;
using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Features.Insights.Survey.Entities;
using Kepu.Web.Features.Regions;
using Kepu.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Insights.Survey.Demo;

/// <summary>
/// Demo survey waves (Development, or Demo:Seed with Demo:Content): 2024 (closed) and 2026 (open online), each with about 3,000
/// generated interviewer responses and 演示 population margins (by region group, 城乡, sex, age group and education; rough shares,
/// not official figures), imported through the same use cases an administrator uses, so every number shown is computed.
/// Scores depend on 城乡, education, age and region the way the 2020 survey's pattern suggests; 2026 is better than 2024.
/// </summary>
public sealed class SurveySeeder(AppDbContext db, IAccountDirectory accounts, IRegionDirectory regions, SurveyWaves waves, SurveyImports imports,
    IConfiguration configuration, IHostEnvironment environment)
{
    public const double DemoPopulation = 22_000_000;

    private static readonly (string Variable, string Level, double Share)[] Shares =
    [
        ("regionGroup", "core", 0.33), ("regionGroup", "new", 0.30), ("regionGroup", "northeast", 0.25), ("regionGroup", "southeast", 0.12),
        ("urban", "urban", 0.70), ("urban", "rural", 0.30),
        ("sex", "male", 0.505), ("sex", "female", 0.495),
        ("ageGroup", "18-29", 0.19), ("ageGroup", "30-39", 0.21), ("ageGroup", "40-49", 0.20), ("ageGroup", "50-59", 0.22), ("ageGroup", "60-69", 0.18),
        ("education", "primary", 0.30), ("education", "junior", 0.36), ("education", "senior", 0.17), ("education", "college", 0.17),
    ];

    public async Task SeedAsync(CancellationToken ct = default)
    {
        var wanted = (environment.IsDevelopment() || configuration.GetValue<bool>("Demo:Seed")) && configuration.GetValue("Demo:Content", true);
        if (!wanted || environment.IsProduction() || await db.Set<SurveyWave>().AnyAsync(ct) || await accounts.UserIdByNameAsync("admin", ct) is not { } adminId)
        {
            return;
        }

        var admin = DemoPrincipal.For(adminId, "admin", Roles.Admin);
        var districts = await regions.DistrictsAsync(ct);
        foreach (var (year, lift) in new[] { (2024, 0.0), (2026, 3.0) })
        {
            var wave = await waves.CreateAsync(new WaveRequest(year, $"{year} 年重庆市公民科学素质调查（演示）"), admin, ct);
            await imports.MarginsAsync(wave.Id, Margins(), admin, ct);
            await imports.ResponsesAsync(wave.Id, Responses(year, lift, districts), admin, ct);
            if (year == 2024)
            {
                await waves.StartAsync(wave.Id, admin, ct);
                await waves.CloseAsync(wave.Id, admin, ct);
            }
            else
            {
                await waves.StartAsync(wave.Id, admin, ct);
            }
        }
    }

    private static byte[] Margins()
    {
        var csv = new StringBuilder("variable,level,population\n");
        foreach (var (variable, level, share) in Shares)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{variable},{level},{Math.Round(DemoPopulation * share)}\n");
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    /// <summary>3,000 respondents; the sample over-represents cities and the educated, as online-assisted samples do, so raking matters.</summary>
    private static byte[] Responses(int year, double lift, IReadOnlyList<DistrictInfo> districts)
    {
        var random = new Random(year);
        var csv = new StringBuilder("id,district,urban,sex,ageGroup,education,score,weight,audience\n");
        string Pick(params (string Code, double Weight)[] options)
        {
            var x = random.NextDouble() * options.Sum(o => o.Weight);
            foreach (var (code, weight) in options)
            {
                if ((x -= weight) < 0)
                {
                    return code;
                }
            }

            return options[^1].Code;
        }

        for (var i = 1; i <= 3000; i++)
        {
            var group = Pick(("core", 0.40), ("new", 0.28), ("northeast", 0.20), ("southeast", 0.12));
            var inGroup = districts.Where(d => d.Group == group).ToList();
            var district = inGroup[random.Next(inGroup.Count)].Code;
            var urban = Pick(("urban", group == "core" ? 0.92 : 0.68), ("rural", group == "core" ? 0.08 : 0.32));
            var sex = Pick(("male", 0.5), ("female", 0.5));
            var age = Pick(("18-29", 0.22), ("30-39", 0.24), ("40-49", 0.21), ("50-59", 0.19), ("60-69", 0.14));
            var education = Pick(("primary", 0.18), ("junior", 0.33), ("senior", 0.22), ("college", 0.27));

            // A latent score: education and 城镇 help, age beyond 50 lowers it, the two mountain areas trail; plus noise.
            var mean = 50 + lift
                + education switch { "college" => 16, "senior" => 7, "junior" => 0, _ => -8 }
                + (urban == "urban" ? 4 : -4)
                + age switch { "60-69" => -7, "50-59" => -4, "18-29" => 2, _ => 0 }
                + group switch { "core" => 3, "new" => 1, "northeast" => -2, _ => -3 };
            var noise = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            var score = Math.Clamp(Math.Round(mean + 13 * noise), 0, 100);
            // The audience group the interviewer noted: mostly the elderly past 60, farmers in the villages, workers among the
            // town's school leavers, some officials among graduates; everyone else 社会公众.
            var audience = age == "60-69" && random.NextDouble() < 0.7 ? "elderly"
                : urban == "rural" && random.NextDouble() < 0.7 ? "farmers"
                : urban == "urban" && education is "junior" or "senior" && random.NextDouble() < 0.5 ? "workers"
                : education == "college" && age != "18-29" && random.NextDouble() < 0.15 ? "officials"
                : "public";
            csv.Append(CultureInfo.InvariantCulture, $"D{year}-{i:D5},{district},{urban},{sex},{age},{education},{score},1,{audience}\n");
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }
}
