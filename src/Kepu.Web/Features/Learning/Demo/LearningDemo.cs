using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Learning.Entities;
using Kepu.Web.Features.Learning.Ledger;
using Kepu.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Learning.Demo;

/// <summary>
/// Demo learning in Development, made through the same services people use (so points, caps, certificates and the
/// ledger are all real): 万州老人 is half-way through 智慧助老 and agreed to be named; the expert finished the
/// workers' course (a certificate on the ledger); the organisation's contact sat the unit's exam; the editor did
/// today's 每日答题; the unit has yearly hours set; today's chain head is published.
/// </summary>
public sealed class LearningDemo(AppDbContext db, IAccountDirectory accounts, CourseProgress progress, Practice practice, Exams exams, UnitReports reports,
    Leaderboards boards, LedgerDigests digests, TimeProvider clock)
{
    public async Task SeedAsync(CancellationToken ct = default)
    {
        if (await db.Set<Enrollment>().AnyAsync(ct))
        {
            return;
        }

        if (await accounts.UserIdByNameAsync("citizen", ct) is { } citizen)
        {
            await StudyAsync(citizen, "万州老人", "elder-smart-life", lessons: 3, ct);
            await boards.ConsentAsync(citizen, showName: true, ct);
        }

        if (await accounts.UserIdByNameAsync("expert", ct) is { } expert)
        {
            await StudyAsync(expert, "科普专家", "worker-safety", lessons: int.MaxValue, ct);
            await boards.ConsentAsync(expert, showName: true, ct);
        }

        if (await accounts.UserIdByNameAsync("editor", ct) is { } editor)
        {
            var set = await practice.DailyAsync(editor, ct);
            var right = await db.Set<Question>().AsNoTracking().Where(q => set.Questions.Select(x => x.Id).Contains(q.Id)).ToListAsync(ct);
            await practice.SubmitDailyAsync(editor, right.Take(4).ToDictionary(q => q.Id, q => (IReadOnlyList<int>)q.Answer), ct);
        }

        if (await accounts.UserIdByNameAsync("org", ct) is { } contact && (await accounts.ManagedOrganizationIdsAsync(contact, ct)) is [var unit, ..])
        {
            var manager = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
                [new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, contact)], "demo"));
            var now = clock.GetUtcNow().UtcDateTime;
            await reports.SetRequirementAsync(unit, Infrastructure.Web.Display.ToBeijing(now).Year, 20, manager, ct);
            var examId = await exams.CreateAsync(new ExamRequest(unit, "科学素质年度测试（演示）",
                [new BlueprintLine(Dimensions.Knowledge, 1, 4), new BlueprintLine(Dimensions.Method, 2, 3), new BlueprintLine(Dimensions.Spirit, 2, 2), new BlueprintLine(Dimensions.Application, 2, 3)],
                30, now.AddDays(-1), now.AddDays(30), 60), manager, ct);
            var attempt = await exams.StartAsync(examId, contact, ct);
            var paper = await db.Set<ExamAttempt>().AsNoTracking().FirstAsync(a => a.Id == attempt, ct);
            var questions = await db.Set<Question>().AsNoTracking().Where(q => paper.Questions.Contains(q.Id)).ToListAsync(ct);
            var answers = questions.Take(questions.Count - 2).ToDictionary(q => q.Id, q => (IReadOnlyList<int>)[.. q.Answer.Select(a => paper.Order(q.Id).ToList().IndexOf(a))]);
            await exams.SubmitAsync(attempt, contact, "机构联络员", answers, ct);
        }

        await digests.PublishAsync(ct);
    }

    private async Task StudyAsync(string userId, string name, string courseKey, int lessons, CancellationToken ct)
    {
        var course = await db.Set<Course>().AsNoTracking().FirstOrDefaultAsync(c => c.Key == courseKey, ct);
        if (course is null)
        {
            return;
        }

        await progress.EnrollAsync(course.Id, userId, ct);
        var ids = await db.Set<Lesson>().AsNoTracking().Where(l => l.CourseId == course.Id).OrderBy(l => l.Number).Select(l => l.Id).Take(lessons).ToListAsync(ct);
        foreach (var lesson in ids)
        {
            await progress.OpenAsync(lesson, userId, ct);
            await progress.StudyAsync(lesson, userId, name, ct);
            var quiz = await db.Set<Question>().AsNoTracking().Where(q => q.LessonId == lesson).ToListAsync(ct);
            if (quiz.Count > 0)
            {
                await progress.SubmitQuizAsync(lesson, quiz.ToDictionary(q => q.Id, q => (IReadOnlyList<int>)q.Answer), userId, name, ct);
            }
        }
    }
}
