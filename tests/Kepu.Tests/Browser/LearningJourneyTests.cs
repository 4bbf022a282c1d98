using Kepu.Web.Features.Learning;
using Kepu.Web.Features.Learning.Demo;
using Kepu.Web.Features.Learning.Entities;
using Kepu.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Kepu.Tests.Browser;

[Collection(BrowserGroup.Name)]
public sealed class LearningJourneyTests(BrowserFixture browser)
{
    private async Task<(int Course, List<(int Lesson, List<Question> Quiz)> Lessons)> LoadAsync()
    {
        await using var scope = browser.Factory.Services.CreateAsyncScope();
        foreach (var (_, text) in LearningSeeder.Courses())
        {
            await scope.ServiceProvider.GetRequiredService<CourseImport>().ImportAsync(text);
        }

        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var course = await db.Set<Course>().Where(c => c.Key == "elder-smart-life").Select(c => c.Id).SingleAsync();
        var lessons = await db.Set<Lesson>().Where(l => l.CourseId == course).OrderBy(l => l.Number).Select(l => l.Id).ToListAsync();
        var result = new List<(int, List<Question>)>();
        foreach (var lesson in lessons)
        {
            result.Add((lesson, await db.Set<Question>().Where(q => q.LessonId == lesson).OrderBy(q => q.Id).ToListAsync()));
        }

        return (course, result);
    }

    private static async Task AnswerAsync(IPage page, IEnumerable<Question> quiz, bool right)
    {
        foreach (var q in quiz)
        {
            var options = page.Locator($"fieldset[data-question='{q.Id}'] input");
            foreach (var box in await page.Locator($"fieldset[data-question='{q.Id}'] input[type=checkbox]:checked").AllAsync())
            {
                await box.UncheckAsync();
            }

            var chosen = right ? q.Answer : [(q.Answer[0] + 1) % q.Options.Count];
            foreach (var index in chosen)
            {
                await options.Nth(index).CheckAsync();
            }
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "交卷" }).ClickAsync();
    }

    [Fact]
    public async Task AnElderlyCitizen_OnAPhone_TakesTheSmartphoneCourse_EarnsPoints_AndVerifiesTheCertificate()
    {
        var (course, lessons) = await LoadAsync();
        await using var context = await browser.NewContextAsync(phone: true);
        context.SetDefaultTimeout(60_000);
        var page = await BrowserFixture.SignInAsync(context, "citizen");

        await page.GotoAsync("/learn");
        await Assertions.Expect(page.Locator("html")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("elder"));
        await BrowserFixture.ScreenshotAsync(page, "phone-learn-01-courses-elder");
        await page.Locator($"a[data-course='{course}']").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "开始学习" }).ClickAsync();
        await page.WaitForURLAsync($"**/learn/lessons/{lessons[0].Lesson}");
        await Assertions.Expect(page.Locator("h1")).Not.ToBeEmptyAsync();
        await BrowserFixture.ScreenshotAsync(page, "phone-learn-02-lesson-elder");
        var audio = await page.Locator("audio.media").GetAttributeAsync("src");
        var recording = await page.APIRequest.GetAsync(audio!);
        Assert.Equal(200, recording.Status);
        Assert.StartsWith("OggS", System.Text.Encoding.ASCII.GetString((await recording.BodyAsync())[..4]), StringComparison.Ordinal);

        // The first lesson: studied, the quiz answered wrongly once (explanations shown), then right.
        await page.GetByRole(AriaRole.Button, new() { Name = "学完了" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=earned]")).ToContainTextAsync("得 5 积分");
        await AnswerAsync(page, lessons[0].Quiz, right: false);
        await Assertions.Expect(page.Locator("[data-testid=quiz-score]")).ToContainTextAsync("未通过");
        await Assertions.Expect(page.Locator("fieldset[data-right=false]").First).ToContainTextAsync("解析：");
        await BrowserFixture.ScreenshotAsync(page, "phone-learn-03-quiz-wrong-elder");
        Assert.Empty(await AccessibilityTests.SeriousViolationsAsync(page, elder: true));
        await AnswerAsync(page, lessons[0].Quiz, right: true);
        await Assertions.Expect(page.Locator("[data-testid=quiz-score]")).ToContainTextAsync("通过 ✓");
        await Assertions.Expect(page.Locator("[data-testid=earned]")).ToContainTextAsync("得 5 积分");

        // 继续学习 from the course list returns to where they left off.
        await page.GotoAsync("/learn");
        await Assertions.Expect(page.GetByText("已学完 1 / ")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=points]")).ToHaveTextAsync("10");

        foreach (var (lesson, quiz) in lessons.Skip(1))
        {
            await page.GotoAsync($"/learn/lessons/{lesson}");
            await page.GetByRole(AriaRole.Button, new() { Name = "学完了" }).ClickAsync();
            await AnswerAsync(page, quiz, right: true);
            await Assertions.Expect(page.Locator("[data-testid=quiz-score]")).ToContainTextAsync("通过 ✓");
        }

        await Assertions.Expect(page.Locator("[data-testid=completed]")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "phone-learn-04-completed-elder");
        await page.GetByRole(AriaRole.Link, new() { Name = "查看结业证书" }).ClickAsync();
        await Assertions.Expect(page.Locator(".certificate[data-valid=true]")).ToContainTextAsync("万州老人");
        await Assertions.Expect(page.Locator(".verify-status")).ToContainTextAsync("真实有效");
        await BrowserFixture.ScreenshotAsync(page, "phone-learn-05-certificate-elder");
        Assert.Empty(await AccessibilityTests.SeriousViolationsAsync(page, elder: true));

        // The QR code's link, opened by someone else (not signed in), says the same; the PDF is a PDF.
        var link = (await page.Locator(".certificate .meta").Last.InnerTextAsync()).Split(' ').Single(s => s.StartsWith("http", StringComparison.Ordinal));
        Assert.Equal(page.Url, link);
        await using var stranger = await browser.NewContextAsync(phone: false);
        var other = await stranger.NewPageAsync();
        await other.GotoAsync(link);
        await Assertions.Expect(other.Locator(".verify-status")).ToContainTextAsync("真实有效");
        Assert.Equal(1, await other.Locator(".cert-qr svg").CountAsync());
        await BrowserFixture.ScreenshotAsync(other, "desktop-learn-06-verify");
        var pdf = await other.APIRequest.GetAsync(link + "/pdf");
        Assert.Equal(200, pdf.Status);
        Assert.Equal("application/pdf", pdf.Headers["content-type"]);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString((await pdf.BodyAsync())[..4]), StringComparison.Ordinal);

        await page.GotoAsync("/learn/me");
        await Assertions.Expect(page.Locator("[data-testid=total]")).Not.ToHaveTextAsync("0");
        await BrowserFixture.ScreenshotAsync(page, "phone-learn-07-me-elder");
    }

    [Fact]
    public async Task AnOfficial_SitsATimedExam_OnAPhone_AndTheManagerReadsTheUnitReport()
    {
        await LoadAsync();
        int examId;
        await using (var scope = browser.Factory.Services.CreateAsyncScope())
        {
            var manage = scope.ServiceProvider.GetRequiredService<Kepu.Web.Features.Accounts.Admin.ManageOrganizations>();
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Kepu.Web.Features.Accounts.Entities.AppUser>>();
            var unit = await manage.CreateAsync(new Kepu.Web.Features.Accounts.Admin.OrganizationRequest { Name = "酉阳县人民政府", Kind = "government", District = "500242" });
            var department = await manage.CreateAsync(new Kepu.Web.Features.Accounts.Admin.OrganizationRequest { Name = "酉阳县科技局", Kind = "government", District = "500242", ParentId = unit });
            foreach (var (name, display, org, isManager) in new[] { ("exam-official", "张科员", department, false), ("exam-manager", "李局长", unit, true) })
            {
                var user = new Kepu.Web.Features.Accounts.Entities.AppUser { UserName = name, DisplayName = display, DistrictCode = "500242" };
                Assert.True((await users.CreateAsync(user, Kepu.Tests.Infrastructure.KepuFactory.DemoPassword)).Succeeded);
                Assert.True((await users.AddToRoleAsync(user, Kepu.Web.Features.Accounts.Entities.Roles.Citizen)).Succeeded);
                await manage.AddMemberAsync(org, name, isManager);
            }

            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var now = DateTime.UtcNow;
            var exam = new Exam(unit, "2026年度领导干部科学素质测试", [new BlueprintLine("knowledge", 1, 3), new BlueprintLine("method", 2, 2)], 20, now.AddMinutes(-5), now.AddDays(3), 60, "system", now);
            db.Add(exam);
            await db.SaveChangesAsync();
            examId = exam.Id;
        }

        await using var phone = await browser.NewContextAsync(phone: true);
        phone.SetDefaultTimeout(60_000);
        var page = await BrowserFixture.SignInAsync(phone, "exam-official");
        await page.GotoAsync("/learn/exams");
        var card = page.Locator($"article[data-exam='{examId}']");
        await Assertions.Expect(card).ToContainTextAsync("限时 20 分钟");
        await BrowserFixture.ScreenshotAsync(page, "phone-exam-01-list");
        await card.GetByRole(AriaRole.Button, new() { Name = "开始考试" }).ClickAsync();
        await page.WaitForURLAsync("**/learn/exams/attempts/*");
        await Assertions.Expect(page.Locator(".countdown")).ToBeVisibleAsync();
        var attemptId = long.Parse(page.Url.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        ExamAttempt attempt;
        List<Question> questions;
        await using (var scope = browser.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            attempt = await db.Set<ExamAttempt>().SingleAsync(a => a.Id == attemptId);
            questions = await db.Set<Question>().Where(q => attempt.Questions.Contains(q.Id)).ToListAsync();
        }

        Assert.Equal(5, questions.Count);
        await BrowserFixture.ScreenshotAsync(page, "phone-exam-02-paper");
        Assert.Empty(await AccessibilityTests.SeriousViolationsAsync(page, elder: false));
        foreach (var q in questions)
        {
            var options = page.Locator($"fieldset[data-question='{q.Id}'] input");
            foreach (var original in q.Answer)
            {
                await options.Nth(attempt.Order(q.Id).ToList().IndexOf(original)).CheckAsync();
            }
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "交卷" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=exam-result]")).ToContainTextAsync("成绩 100 分");
        await Assertions.Expect(page.Locator("[data-testid=exam-result]")).ToContainTextAsync("合格 ✓");
        await BrowserFixture.ScreenshotAsync(page, "phone-exam-03-result");

        await using var desk = await browser.NewContextAsync(phone: false);
        desk.SetDefaultTimeout(60_000);
        var manager = await BrowserFixture.SignInAsync(desk, "exam-manager");
        await manager.GotoAsync($"/learn/exams/manage?exam={examId}");
        await Assertions.Expect(manager.Locator("tr", new() { HasText = "酉阳县科技局" }).First).ToContainTextAsync("100");
        await BrowserFixture.ScreenshotAsync(manager, "desktop-exam-04-unit-report");
    }
}
