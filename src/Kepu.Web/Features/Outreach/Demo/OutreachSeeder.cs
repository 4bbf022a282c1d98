using System.Security.Claims;
using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Features.Outreach.People;
using Kepu.Web.Features.Outreach.People.Entities;
using Kepu.Web.Features.Outreach.Venues;
using Kepu.Web.Features.Outreach.Venues.Entities;
using Kepu.Web.Features.Regions;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Outreach.Demo;

/// <summary>
/// Demo venues, 特派员 and volunteers in Development (or with Demo:Seed and Demo:Content), made through the same use cases
/// people use. Venues span the central city and remote districts; 科普专家 serves two towns of 酉阳 (when towns are imported,
/// which they must be for an appointment: the part waits for the next start otherwise); 万州老人 is a 银龄 volunteer with
/// confirmed hours on the ledger, and the expert's hours in 酉阳 wait for the district's administrator.
/// </summary>
public sealed class OutreachSeeder(AppDbContext db, IAccountDirectory accounts, IRegionDirectory regions, VenueCatalog venues, VenueBookings bookings,
    OpenDays openDays, Envoys envoys, Volunteers volunteers, IConfiguration configuration, IHostEnvironment environment, TimeProvider clock)
{
    private static readonly OpeningRequest[] Weekdays = [.. Enumerable.Range(1, 5).Select(d => new OpeningRequest(d, "09:00", "17:00"))];
    private static readonly OpeningRequest[] TuesdayToSunday = [.. Enumerable.Range(2, 6).Select(d => new OpeningRequest(d, "09:30", "17:00"))];

    public async Task SeedAsync(CancellationToken ct = default)
    {
        var wanted = (environment.IsDevelopment() || configuration.GetValue<bool>("Demo:Seed")) && configuration.GetValue("Demo:Content", true);
        if (!wanted || environment.IsProduction() || await accounts.UserIdByNameAsync("admin", ct) is not { } adminId)
        {
            return;
        }

        var admin = Principal(adminId, "admin", Roles.Admin);
        if (!await db.Set<Venue>().AnyAsync(ct))
        {
            await VenuesAsync(admin, ct);
        }

        if (!await db.Set<Envoy>().AnyAsync(ct) && await accounts.UserIdByNameAsync("district", ct) is { } districtId
            && await accounts.UserIdByNameAsync("expert", ct) is not null && (await regions.TownsAsync("500242", ct)) is { Count: >= 2 } towns)
        {
            await EnvoysAsync(Principal(districtId, "district", Roles.DistrictAdmin, "500242"), towns, ct);
        }

        if (!await db.Set<Volunteer>().AnyAsync(ct))
        {
            await VolunteersAsync(admin, ct);
        }
    }

    private async Task VenuesAsync(ClaimsPrincipal admin, CancellationToken ct)
    {
        var contributor = await accounts.OrganizationIdByNameAsync("西南大学（演示）", ct);
        var list = new (string Kind, string Name, string District, string Address, double Lat, double Lon, OpeningRequest[] Opening, int Capacity, string Text, int? Org)[]
        {
            ("courtyard", "酉阳茶叶科技小院（演示）", "500242", "酉阳县桃花源街道茶园村 3 组", 28.84, 108.77, Weekdays, 40,
                "研究生常驻茶园，和茶农一起做病虫害绿色防控和夏秋茶提质试验；可接待中小学生研学、合作社观摩。", contributor),
            ("museum", "重庆科技馆（演示）", "500105", "江北区江北城文星门街 7 号", 29.566, 106.58, TuesdayToSunday, 600,
                "常设展厅有生活科技、防灾科技、交通科技、国防科技和宇航科技；周一闭馆（节假日除外）。", null),
            ("open_lab", "西南大学蚕桑基因组开放实验室（演示）", "500109", "北碚区天生路 2 号", 29.823, 106.424, [new OpeningRequest(3, "14:00", "17:00"), new OpeningRequest(6, "09:00", "12:00")], 30,
                "每周三下午、周六上午向中学生和公众开放，讲解家蚕基因组和显微观察。", contributor),
            ("field_school", "城口山地鸡田间学校（演示）", "500229", "城口县葛城街道", 31.948, 108.665, [new OpeningRequest(2, "09:00", "16:00"), new OpeningRequest(4, "09:00", "16:00")], 50,
                "农技员在鸡场现场讲养殖防疫和林下生态养殖，农闲时节开课。", null),
            ("science_base", "万州三峡移民科普教育基地（演示）", "500101", "万州区江南新区", 30.79, 108.41, TuesdayToSunday, 200,
                "展示三峡工程与库区生态保护，适合学校团体参观。", null),
            ("expert_yard", "秀山金银花专家大院（演示）", "500241", "秀山县隘口镇", 28.45, 108.99, Weekdays, 25,
                "市农科院专家定期坐诊，解答金银花种植和加工问题。", null),
            ("tech_town", "武隆仙女山科技强镇（演示）", "500156", "武隆区仙女山街道", 29.45, 107.75, Weekdays, 80,
                "高山蔬菜和乡村旅游的科技示范镇，有展示中心可接待参观。", null),
            ("tech_village", "石柱黄连科技名村（演示）", "500240", "石柱县黄水镇", 30.0, 108.4, [new OpeningRequest(6, "09:00", "17:00"), new OpeningRequest(7, "09:00", "17:00")], 60,
                "黄连林下种植与初加工示范村，周末接待研学。", null),
        };
        var ids = new List<int>();
        foreach (var v in list)
        {
            var view = await venues.CreateAsync(new VenueRequest
            {
                Kind = v.Kind, Name = v.Name, DistrictCode = v.District, Address = v.Address, Latitude = v.Lat, Longitude = v.Lon, Opening = v.Opening,
                Capacity = v.Capacity, Contact = "科普服务台 023-6000 0000", Description = v.Text, OrganizationId = v.Org,
                HoursNote = "法定节假日另行通知",
            }, admin, ct);
            ids.Add(view.Id);
        }

        var today = Display.BeijingDay(clock.GetUtcNow().UtcDateTime);
        var tuesday = Next(today, DayOfWeek.Tuesday);
        await bookings.BookAsync(ids[0], new BookingRequest
        {
            Date = tuesday, Start = "09:30", End = "11:30", GroupKind = "school", GroupName = "酉阳县桃花源小学五年级", Contact = "田老师", Phone = "023-7555 0000", Size = 32,
        }, admin, ct);
        await openDays.CreateAsync(ids[1], new OpenDayRequest
        {
            Title = "公众科学日：走进宇航科技", Date = Next(today, DayOfWeek.Saturday), Start = "10:00", End = "16:00", Capacity = 120,
            Note = "凭报名记录入场，每人一个名额。",
        }, admin, ct);
    }

    private async Task EnvoysAsync(ClaimsPrincipal district, IReadOnlyList<TownInfo> towns, CancellationToken ct)
    {
        var today = Display.BeijingDay(clock.GetUtcNow().UtcDateTime);
        var envoy = await envoys.AppointAsync(new EnvoyRequest
        {
            UserName = "expert", DistrictCode = "500242", Specialty = "茶叶栽培与病虫害绿色防控", From = today.AddMonths(-6), To = today.AddMonths(18),
            Towns = [new EnvoyTownRequest(towns[0].Code, ["茶园村", "花园村"]), new EnvoyTownRequest(towns[1].Code, [])],
        }, district, ct);
        var expertId = (await accounts.UserIdByNameAsync("expert", ct))!;
        var expert = Principal(expertId, "expert", Roles.Expert);
        var logs = new (int DaysAgo, int Town, string Village, string Kind, decimal Hours, int Served, string Text)[]
        {
            (40, 0, "茶园村", "guidance", 4, 18, "春茶开采前到茶园指导修剪和施肥，现场示范黄板诱虫。"),
            (21, 1, "", "training", 3, 45, "在镇文化站讲茶叶病虫害绿色防控，发放明白纸 60 份。"),
            (6, 0, "花园村", "consulting", 2, 9, "回访种植户，解答夏秋茶采摘和加工的问题。"),
        };
        foreach (var l in logs)
        {
            await envoys.LogAsync(envoy.Id, new ServiceLogRequest
            {
                Date = today.AddDays(-l.DaysAgo), TownCode = envoy.Towns[l.Town].Code, Village = l.Village, Kind = l.Kind, Hours = l.Hours, Served = l.Served,
                Summary = l.Text,
            }, expert, null, ct);
        }
    }

    private async Task VolunteersAsync(ClaimsPrincipal admin, CancellationToken ct)
    {
        var today = Display.BeijingDay(clock.GetUtcNow().UtcDateTime);
        if (await accounts.UserIdByNameAsync("citizen", ct) is { } citizenId)
        {
            var elder = Principal(citizenId, "citizen", Roles.Citizen);
            await volunteers.SaveAsync(new VolunteerRequest
            {
                Kind = "senior", Skills = ["农业技术", "防范电信诈骗", "智能手机教学"], Weekdays = [2, 4], Availability = "上午有空，农忙时节除外",
                DistrictCode = "500101", Background = "退休前在万州区农技推广站工作 30 年",
            }, elder, ct);
            var first = await volunteers.RecordHoursAsync(new HoursRequest
            {
                Date = today.AddDays(-12), Hours = 3, Activity = "社区老年人防范电信诈骗讲解", Place = "万州区高笋塘街道社区活动室", Served = 40,
            }, elder, ct);
            await volunteers.ConfirmAsync(first.Id, admin, ct);
            await volunteers.RecordHoursAsync(new HoursRequest
            {
                Date = today.AddDays(-3), Hours = 2, Activity = "教老年人用手机挂号", Place = "万州区人民医院门诊大厅", Served = 15,
            }, elder, ct);
        }

        if (await accounts.UserIdByNameAsync("expert", ct) is { } expertId)
        {
            var expert = Principal(expertId, "expert", Roles.Expert);
            await volunteers.SaveAsync(new VolunteerRequest
            {
                Kind = "staff", Skills = ["茶叶栽培", "科普讲座"], Weekdays = [6, 7], Availability = "周末可下乡", DistrictCode = "500242",
                Background = "市农科院茶叶研究所研究员",
            }, expert, ct);
            await volunteers.RecordHoursAsync(new HoursRequest
            {
                Date = today.AddDays(-2), Hours = 4, Activity = "酉阳茶叶科技小院研学讲解", Place = "酉阳茶叶科技小院", DistrictCode = "500242", Served = 32,
            }, expert, ct);
        }
    }

    private static DateOnly Next(DateOnly today, DayOfWeek day)
    {
        var d = today.AddDays(1);
        while (d.DayOfWeek != day)
        {
            d = d.AddDays(1);
        }

        return d;
    }

    private static ClaimsPrincipal Principal(string id, string name, string role, string? district = null) => DemoPrincipal.For(id, name, role, district);
}
