using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Features.Contests.Calls;
using Kepu.Web.Features.Contests.Entities;
using Kepu.Web.Features.Contests.Review;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Contests.Demo;

/// <summary>
/// Demo contests (Development, or Demo:Seed with Demo:Content): a 科普作品创作 call in the middle of its first review round — 30 entries
/// from six demo studios, six expert reviewers, three reviews per entry, about two thirds scored (one reviewer harsh, one lenient, so
/// normalisation has something to do), one declared conflict — and a 五小 call open for submissions. The calls, the round, the
/// declared conflict and the scores go through the same use cases people use; the entries of the closed collection are written directly,
/// since their deadline has passed.
/// </summary>
public sealed class ContestsSeeder(AppDbContext db, IAccountDirectory accounts, UserManager<AppUser> users, CallDesk calls, RoundDesk rounds, Reviewing reviewing,
    IConfiguration configuration, IHostEnvironment environment, TimeProvider clock)
{
    public const string CreationTitle = "2026 重庆市科普作品创作大赛（演示）";
    public const string WuxiaoTitle = "2026 职工“五小”创新成果征集（演示）";

    private static readonly string[] Reviewers = ["expert", "expert-wz", "expert-qj", "expert-yy", "expert-cq", "expert-lp"];

    private static readonly (string UserName, string Name)[] Studios =
    [
        ("studio-yuchuang", "渝创动画工作室"), ("studio-shancheng", "山城科普剧社"), ("studio-jialing", "嘉陵短视频小组"),
        ("studio-wuling", "武陵山乡村科普队"), ("studio-sanxia", "三峡青年创客"), ("studio-liangjiang", "两江游戏实验室"),
    ];

    private static readonly (string Title, string Category, string Theme)[] Works =
    [
        ("一颗芯片的诞生", "动漫", "前沿科技"), ("高血压的“沉默”", "短视频", "健康"), ("稻田里的鱼", "图文", "农业农村"), ("反诈大闯关", "游戏", "防范电信诈骗"),
        ("长江鲟回家记", "科普剧", "生态环境"), ("北斗如何给农机导航", "动漫", "前沿科技"), ("老人跌倒怎么办", "短视频", "健康"), ("柑橘黄龙病识别", "图文", "农业农村"),
        ("数字身份保卫战", "游戏", "个人信息保护"), ("钱学森的选择", "科普剧", "科学精神"), ("氢能汽车跑起来", "动漫", "前沿科技"), ("糖尿病饮食三件事", "短视频", "健康"),
        ("山地农机小改造", "图文", "农业农村"), ("识破养老骗局", "游戏", "防范电信诈骗"), ("缙云山的萤火虫", "科普剧", "生态环境"), ("量子通信是什么", "动漫", "前沿科技"),
        ("急救四分钟", "短视频", "健康"), ("茶园绿色防控", "图文", "农业农村"), ("手机里的“陷阱”", "游戏", "数字生活"), ("袁隆平的稻田", "科普剧", "科学精神"),
        ("新能源电池回收", "动漫", "生态环境"), ("合理用药小课堂", "短视频", "健康"), ("辣椒高产的秘密", "图文", "农业农村"), ("AI 换脸辨真假", "游戏", "数字生活"),
        ("滑坡来临前", "科普剧", "安全"), ("智能制造车间一天", "动漫", "前沿科技"), ("心理健康不是小事", "短视频", "健康"), ("稻渔综合种养", "图文", "农业农村"),
        ("燃气安全大作战", "游戏", "安全"), ("屠呦呦与青蒿素", "科普剧", "科学精神"),
    ];

    public async Task SeedAsync(CancellationToken ct = default)
    {
        var wanted = (environment.IsDevelopment() || configuration.GetValue<bool>("Demo:Seed")) && configuration.GetValue("Demo:Content", true);
        if (!wanted || environment.IsProduction() || await accounts.UserIdByNameAsync("editor", ct) is not { } editorId
            || await db.Set<ContestCall>().AnyAsync(ct))
        {
            return;
        }

        var reviewerIds = new List<string>();
        foreach (var name in Reviewers)
        {
            if (await accounts.UserIdByNameAsync(name, ct) is not { } id)
            {
                return;
            }

            reviewerIds.Add(id);
        }

        var editor = DemoPrincipal.For(editorId, "editor", Roles.Editor);
        var today = Display.BeijingDay(clock.GetUtcNow().UtcDateTime);
        await CreationCallAsync(editor, today, reviewerIds, ct);
        await WuxiaoCallAsync(editor, today, ct);
    }

    private async Task CreationCallAsync(System.Security.Claims.ClaimsPrincipal editor, DateOnly today, List<string> reviewerIds, CancellationToken ct)
    {
        var view = await calls.CreateAsync(new CallRequest
        {
            Kind = CallKinds.Creation,
            Title = CreationTitle,
            Summary = "围绕前沿科技、经济社会发展、国家重大需求和人民生命健康，征集原创科普动漫、短视频、游戏、图文和科普剧。"
                + "一等奖每件资助 2 万元，二等奖 1 万元，三等奖 5000 元。获奖作品以 CC BY-NC 4.0 许可收入科普资源库，署名作者。",
            Organizer = "重庆市科学技术协会",
            Categories = ["动漫", "短视频", "游戏", "图文", "科普剧"],
            EntrantKinds = [EntrantKinds.Individual, EntrantKinds.Team, EntrantKinds.Organization],
            Licence = "CC BY-NC 4.0",
            VoteWeight = 0.2,
            Phases =
            [
                new(PhaseCodes.Collect, today.AddDays(-60), today.AddDays(-3)),
                new(PhaseCodes.Vote, today.AddDays(-2), today.AddDays(12)),
                new(PhaseCodes.Round1, today.AddDays(-2), today.AddDays(12)),
                new(PhaseCodes.Round2, today.AddDays(13), today.AddDays(25)),
                new(PhaseCodes.Publicity, today.AddDays(26), today.AddDays(32)),
                new(PhaseCodes.Publish, today.AddDays(33), today.AddDays(33)),
            ],
            Criteria =
            [
                new("科学性", "内容准确，没有科学性错误，引用可靠", 40, 0, 10),
                new("创新性", "选题、形式或表达有新意", 25, 0, 10),
                new("传播性", "通俗易懂、有感染力，适合目标人群", 25, 0, 10),
                new("制作水平", "画面、声音、交互等完成度", 10, 0, 10),
            ],
            Awards = [new("一等奖", 3, 20000), new("二等奖", 6, 10000), new("三等奖", 9, 5000)],
        }, editor, ct);
        await calls.OpenAsync(view.Id, editor, ct);

        var now = clock.GetUtcNow().UtcDateTime;
        var studioIds = new List<string>();
        foreach (var (userName, name) in Studios)
        {
            var user = new AppUser { UserName = userName, DisplayName = name, DistrictCode = "500103", Audiences = ["public"], CreatedAt = now.AddDays(-90) };
            IdentityChecks.Ensure(await users.CreateAsync(user), "userName");
            IdentityChecks.Ensure(await users.AddToRoleAsync(user, Roles.Citizen), "roles");
            studioIds.Add(user.Id);
        }

        for (var i = 0; i < Works.Length; i++)
        {
            var (title, category, theme) = Works[i];
            var studio = i % Studios.Length;
            var fields = new EntryFields(EntrantKinds.Team, Studios[studio].Name, null, title, category,
                $"《{title}》是一部关于“{theme}”的{category}作品，面向社会公众，用通俗的语言和生活中的例子讲清楚其中的科学道理。"
                + "（演示作品：只有简介，没有上传文件。）", [], null,
                [new EntryAuthor(1, $"{Studios[studio].Name}成员甲", null, null), new EntryAuthor(2, $"{Studios[studio].Name}成员乙", null, null)], []);
            db.Add(new ContestEntry(view.Id, $"ZJ{view.Id:D3}-D{i + 1:D5}", studioIds[studio], [], fields, now.AddDays(-30 + i)));
        }

        await db.SaveChangesAsync(ct);

        // expert-wz knows the people of 渝创动画工作室 and says so before the assignment.
        await rounds.DeclareConflictAsync(view.Id, new DeclareConflictRequest(Studios[0].Name), DemoPrincipal.For(reviewerIds[1], "expert-wz", Roles.Expert), ct);
        await rounds.OpenAsync(view.Id, new OpenRoundRequest(Reviewers, 3, 12, null), editor, ct);

        // About two thirds of the reviews are in: 科普专家 scores harshly, expert-lp generously, the rest in between.
        var random = new Random(20261129);
        var quality = Works.Select(_ => random.Next(4, 10)).ToArray();
        var firstEntry = await db.Set<ContestEntry>().Where(e => e.CallId == view.Id).MinAsync(e => e.Id, ct);
        var reviews = await db.Set<EntryReview>().AsNoTracking().OrderBy(a => a.Id).ToListAsync(ct);
        var criteria = (await calls.GetAsync(view.Id, editor, ct)).Criteria;
        foreach (var review in reviews.Where((_, i) => i % 3 != 2))
        {
            var reviewer = reviewerIds.IndexOf(review.ReviewerId);
            var bias = reviewer switch { 0 => -2, 5 => 2, _ => 0 };
            var scores = criteria.ToDictionary(c => c.Id, c => Math.Clamp(quality[review.EntryId - firstEntry] + bias + random.Next(-1, 2), c.Min, c.Max));
            await reviewing.ScoreAsync(review.Id, new ScoreRequest(scores, "选题好，表达清楚；个别细节可以更严谨。"),
                DemoPrincipal.For(review.ReviewerId, Reviewers[reviewer], Roles.Expert), ct);
        }
    }

    private async Task WuxiaoCallAsync(System.Security.Claims.ClaimsPrincipal editor, DateOnly today, CancellationToken ct)
    {
        var view = await calls.CreateAsync(new CallRequest
        {
            Kind = CallKinds.Wuxiao,
            Title = WuxiaoTitle,
            Summary = "面向全市产业工人和企业职工，征集在生产一线产生的小发明、小创造、小革新、小设计、小建议。"
                + "请写清楚解决了什么问题、怎么做的、效果如何（节约成本、提高效率、改善安全），可附照片或视频。优秀成果给予奖励并推广。",
            Organizer = "重庆市总工会、重庆市科学技术协会",
            Categories = ["小发明", "小创造", "小革新", "小设计", "小建议"],
            EntrantKinds = [EntrantKinds.Individual, EntrantKinds.Team],
            Phases =
            [
                new(PhaseCodes.Collect, today.AddDays(-7), today.AddDays(45)),
                new(PhaseCodes.Round1, today.AddDays(46), today.AddDays(60)),
                new(PhaseCodes.Round2, today.AddDays(61), today.AddDays(75)),
                new(PhaseCodes.Publicity, today.AddDays(76), today.AddDays(82)),
                new(PhaseCodes.Publish, today.AddDays(83), today.AddDays(83)),
            ],
            Criteria =
            [
                new("实用性", "解决生产一线的实际问题", 35, 1, 10),
                new("创新性", "与现有做法相比的改进", 30, 1, 10),
                new("效益", "节约成本、提高效率、改善安全的实际效果", 25, 1, 10),
                new("可推广性", "其他班组、企业能否照着做", 10, 1, 10),
            ],
            Awards = [new("一等奖", 5, 5000), new("二等奖", 10, 2000), new("优秀奖", 30, 500)],
        }, editor, ct);
        await calls.OpenAsync(view.Id, editor, ct);
    }
}
