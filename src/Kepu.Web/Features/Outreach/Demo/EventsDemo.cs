using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Outreach.Events.Entities;
using Kepu.Web.Features.Outreach.Experts;
using Kepu.Web.Features.Outreach.Orders;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Outreach.Demo;

/// <summary>
/// Demo data for events, the expert pool and 点单 (Development, or Demo:Seed with Demo:Content): expert profiles, upcoming
/// events across districts, a few past ones with reports, and two open orders. Dates are relative to today.
/// </summary>
public sealed class EventsDemo(AppDbContext db, IAccountDirectory accounts, IConfiguration configuration, IHostEnvironment environment, TimeProvider clock)
{
    private static readonly (string User, string Home, string[] Teams, string? Branch, string[] Dialects, int Weekdays, string Bio)[] Profiles =
    [
        ("expert", "500106", ["team", "lecturers"], "综合分团", ["普通话", "重庆话"], 0b001_1111, "科普讲师，常年在各区县开展防诈骗、数字生活讲座。"),
        ("expert-wz", "500101", ["health"], null, ["重庆话"], 0b110_0000, "心内科主任医师，周末可下乡讲慢病与合理用药。"),
        ("expert-qj", "500114", ["team"], "农业分团", ["重庆话", "土家语"], 0b011_1111, "农艺师，熟悉渝东南特色种养。"),
        ("expert-yy", "500242", ["team"], "公共安全分团", ["重庆话", "土家语", "苗语"], 0b111_1111, "反诈民警，用乡亲们听得懂的话讲诈骗套路。"),
        ("expert-cq", "500103", ["health", "lecturers"], null, ["普通话"], 0b001_0101, "医学院教授，讲心理健康与老年健康。"),
        ("expert-lp", "500155", ["silver", "team"], "农业分团", ["重庆话"], 0b011_1111, "退休高级农艺师，银龄科普志愿者。"),
    ];

    private static readonly (string Kind, string Title, string District, string Place, string[] Audiences, int Day, int Hour, int Hours, int Capacity, string? Expert, string Organizer)[] Events =
    [
        (EventKinds.Lecture, "守好养老钱：识破保健品和投资骗局", "500242", "桃花源街道社区活动中心", ["elderly"], 3, 9, 2, 80, "expert-yy", "酉阳县科协"),
        (EventKinds.HealthLecture, "健康大讲堂：高血压的饮食与用药", "500101", "万州区太白街道社区卫生服务中心", ["elderly", "public"], 5, 14, 2, 120, "expert-wz", "万州区卫生健康委"),
        (EventKinds.FieldSchool, "田间学校：脆红李冬季修剪", "500114", "黔江区濯水镇李子基地", ["farmers"], 6, 9, 4, 40, "expert-qj", "黔江区农业农村委"),
        (EventKinds.Caravan, "科普大篷车进秀山：机器人与航天展", "500241", "秀山县中和街道广场", ["youth", "public"], 8, 9, 7, 500, null, "重庆科技馆"),
        (EventKinds.MobileMuseum, "流动科技馆巡展·巫溪站", "500238", "巫溪县体育馆", ["youth", "public"], 10, 9, 8, 800, null, "重庆科技馆"),
        (EventKinds.OpenDay, "重庆医科大学生命科学实验室开放日", "500103", "重医袁家岗校区实验楼", ["youth"], 12, 9, 3, 60, "expert-cq", "重庆医科大学"),
        (EventKinds.SkillTraining, "智能手机培训：学会挂号、缴费、视频通话", "500155", "梁平区双桂街道老年大学", ["elderly"], 4, 14, 2, 50, null, "梁平区老年大学"),
        (EventKinds.Lecture, "中小学生防溺水与应急避险", "500230", "丰都县三合街道中心小学", ["youth"], 7, 10, 2, 300, "expert", "丰都县教委"),
        (EventKinds.Lecture, "数字生活：网上办事与个人信息保护", "500243", "彭水县汉葭街道社区", ["public", "elderly"], 9, 14, 2, 100, "expert-yy", "彭水县科协"),
        (EventKinds.FieldSchool, "田间学校：稻渔综合种养", "500155", "梁平区金带街道稻田", ["farmers"], 14, 9, 4, 40, "expert-lp", "梁平区科协"),
        (EventKinds.HealthLecture, "健康大讲堂：老年人心理健康", "500106", "沙坪坝区图书馆报告厅", ["elderly"], 16, 9, 2, 150, "expert-cq", "沙坪坝区科协"),
        (EventKinds.ScienceWeek, "产业工人安全生产知识竞赛", "500112", "渝北区两江新区职工之家", ["workers"], 20, 14, 3, 200, null, "渝北区总工会"),
    ];

    private static readonly (string Kind, string Title, string District, string Place, int DaysAgo, int Capacity, int Attendance, string Summary)[] Past =
    [
        (EventKinds.Caravan, "科普大篷车进酉阳：青少年科学秀", "500242", "酉阳县钟多街道广场", 20, 400, 356, "大篷车展出 24 件展品，现场科学秀 3 场，学生排队体验。"),
        (EventKinds.Lecture, "反诈进村：识破冒充客服骗局", "500242", "酉阳县龙潭镇村委会", 12, 60, 58, "村民踊跃提问，当场帮 12 位老人开通了反诈 App 预警。"),
        (EventKinds.FieldSchool, "田间学校：柑橘病虫害绿色防控", "500101", "万州区龙沙镇柑橘园", 9, 40, 37, "专家现场示范黄板、性诱剂的使用，发放技术明白纸 60 份。"),
        (EventKinds.HealthLecture, "健康大讲堂：冬季心脑血管病预防", "500230", "丰都县名山街道社区", 5, 100, 86, "讲座后免费测血压 60 人次。"),
    ];

    public async Task SeedAsync(CancellationToken ct = default)
    {
        var wanted = (environment.IsDevelopment() || configuration.GetValue<bool>("Demo:Seed")) && configuration.GetValue("Demo:Content", true);
        if (!wanted || environment.IsProduction() || await db.Set<OutreachEvent>().AnyAsync(ct))
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var today = Display.BeijingDay(now);
        var ids = new Dictionary<string, string>();
        foreach (var name in Profiles.Select(p => p.User).Append("district").Append("citizen").Append("admin"))
        {
            if (await accounts.UserIdByNameAsync(name, ct) is { } id)
            {
                ids[name] = id;
            }
        }

        foreach (var p in Profiles.Where(p => ids.ContainsKey(p.User)))
        {
            var profile = new ExpertProfile(ids[p.User]);
            profile.Update(p.Home, p.Teams, p.Branch, p.Dialects, [], p.Weekdays, 6, p.Bio, now);
            db.Add(profile);
        }

        var organiser = ids.GetValueOrDefault("admin") ?? ids.Values.First();
        DateTime At(int days, int hour) => Display.FromBeijing(today.AddDays(days), new TimeOnly(hour, 0));
        foreach (var e in Events)
        {
            var ev = new OutreachEvent(organiser, new EventDetails(e.Kind, e.Title, $"{e.Organizer}主办。欢迎报名参加。", e.District, null, e.Place, null, e.Audiences,
                At(e.Day, e.Hour), At(e.Day, e.Hour + e.Hours), e.Capacity, e.Organizer), now);
            if (e.Expert is { } expert && ids.TryGetValue(expert, out var expertId))
            {
                ev.AssignExpert(expertId);
            }

            db.Add(ev);
        }

        foreach (var e in Past)
        {
            var ev = new OutreachEvent(organiser, new EventDetails(e.Kind, e.Title, "", e.District, null, e.Place, null, ["public"], At(-e.DaysAgo, 9), At(-e.DaysAgo, 12),
                e.Capacity, "区县科协"), now.AddDays(-e.DaysAgo - 10));
            ev.Report(e.Attendance, e.Summary, [], now);
            db.Add(ev);
        }

        if (ids.TryGetValue("citizen", out var citizen))
        {
            db.Add(new LectureOrder(citizen, new OrderDetails("village", "龚滩镇小银村村委会", "023-75550001", "500242", null, "小银村村委会会议室", "防范电信诈骗", "elderly", 50,
                today.AddDays(5), today.AddDays(35), "土家语", "村里老人多，希望讲得通俗些。"), now));
            db.Add(new LectureOrder(citizen, new OrderDetails("school", "万州区龙宝中学", "023-58880002", "500101", null, "学校报告厅", "心理健康", "youth", 300,
                today.AddDays(7), today.AddDays(40), null, "面向初二学生，期中考试后。"), now));
        }

        await db.SaveChangesAsync(ct);
    }
}
