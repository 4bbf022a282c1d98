using Kepu.Web.Features.Learning.Entities;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Learning;

public sealed record QuizOption(int Index, string Text);

public sealed record QuizQuestion(int Id, string Kind, string KindLabel, string Stem, IReadOnlyList<QuizOption> Options);

public sealed record LessonView(int Id, int CourseId, string CourseTitle, int Number, int Total, string Title, int Minutes, string BodyHtml, string? MediaUrl,
    int? LibraryItemId, IReadOnlyList<QuizQuestion> Quiz, int PassMark, bool Studied, int? QuizScore, bool QuizPassed, int? PreviousId, int? NextId);

public sealed record AnswerResult(int QuestionId, bool Right, IReadOnlyList<int> Correct, string Explanation);

public sealed record QuizResult(int Score, bool Passed, int PassMark, IReadOnlyList<AnswerResult> Answers, int PointsEarned, CourseCompletion? Completion);

public sealed record CourseCompletion(string CertificateCode, int PointsEarned);

public sealed record StudyResult(int PointsEarned, CourseCompletion? Completion);

/// <summary>
/// Taking a course: opening a lesson (enrols, and remembers it for 继续学习), marking it studied, answering its quiz
/// (scored on the server). When every lesson is studied and every quiz passed, the course is complete: a certificate
/// is issued and recorded on the ledger in the same transaction.
/// </summary>
public sealed class CourseProgress(AppDbContext db, Points points, Certificates certificates, Insights.Activity.ActivityLog activity, TimeProvider clock)
{
    public async Task<LessonView> OpenAsync(int lessonId, string? userId, CancellationToken ct = default)
    {
        var (lesson, course) = await LessonAsync(lessonId, ct);
        LessonProgress? progress = null;
        if (userId is not null)
        {
            var enrollment = await EnrollmentAsync(userId, course.Id, ct);
            enrollment.Opened(lesson.Id);
            progress = await db.Set<LessonProgress>().AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId && p.LessonId == lessonId, ct);
            await db.SaveChangesAsync(ct);
        }

        var questions = await db.Set<Question>().AsNoTracking().Where(q => q.LessonId == lessonId && q.Active).OrderBy(q => q.Id).ToListAsync(ct);
        var siblings = await db.Set<Lesson>().AsNoTracking().Where(l => l.CourseId == course.Id).OrderBy(l => l.Number).Select(l => l.Id).ToListAsync(ct);
        var at = siblings.IndexOf(lesson.Id);
        return new LessonView(lesson.Id, course.Id, course.Title, lesson.Number, siblings.Count, lesson.Title, lesson.Minutes, lesson.BodyHtml, lesson.MediaUrl,
            lesson.LibraryItemId, questions.Select(ToQuiz).ToList(), course.PassMark, progress?.StudiedAt is not null, progress?.QuizScore,
            progress?.QuizPassedAt is not null, at > 0 ? siblings[at - 1] : null, at + 1 < siblings.Count ? siblings[at + 1] : null);
    }

    public async Task<int> EnrollAsync(int courseId, string userId, CancellationToken ct = default)
    {
        if (!await db.Set<Course>().AnyAsync(c => c.Id == courseId && c.Published, ct))
        {
            throw new NotFoundException($"课程 {courseId} 不存在。");
        }

        var enrollment = await EnrollmentAsync(userId, courseId, ct);
        await db.SaveChangesAsync(ct);
        return enrollment.Id;
    }

    /// <summary>学完了: the lesson counts as studied (points the first time); may complete the course.</summary>
    public async Task<StudyResult> StudyAsync(int lessonId, string userId, string holderName, CancellationToken ct = default)
    {
        var (lesson, course) = await LessonAsync(lessonId, ct);
        await EnrollmentAsync(userId, course.Id, ct);
        var progress = await ProgressAsync(userId, lesson, ct);
        var firstTime = progress.Study(clock.GetUtcNow().UtcDateTime);
        var earned = firstTime ? await points.AwardAsync(userId, PointKinds.Lesson, $"lesson:{lesson.Id}", ct) : 0;
        if (firstTime)
        {
            await activity.RecordAsync(Insights.Activity.ActivityKinds.Lesson, userId, amount: lesson.Minutes, ct: ct);
        }
        var completion = await SaveAndCompleteAsync(userId, holderName, course, ct);
        return new StudyResult(earned + (completion?.PointsEarned ?? 0), completion);
    }

    /// <summary>Scores the quiz on the server: every question of the lesson counts, unanswered ones are wrong.</summary>
    public async Task<QuizResult> SubmitQuizAsync(int lessonId, IReadOnlyDictionary<int, IReadOnlyList<int>> answers, string userId, string holderName,
        CancellationToken ct = default)
    {
        var (lesson, course) = await LessonAsync(lessonId, ct);
        var questions = await db.Set<Question>().AsNoTracking().Where(q => q.LessonId == lessonId && q.Active).OrderBy(q => q.Id).ToListAsync(ct);
        if (questions.Count == 0)
        {
            throw new BusinessRuleException("这一课没有测验。");
        }

        if (answers.Keys.Any(id => questions.All(q => q.Id != id)))
        {
            throw new ValidationFailedException(new Dictionary<string, string[]> { ["answers"] = ["答案里有不属于这一课测验的题目。"] });
        }

        await EnrollmentAsync(userId, course.Id, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var learner = await points.LearnerAsync(userId, ct);
        var results = new List<AnswerResult>();
        foreach (var q in questions)
        {
            var right = answers.TryGetValue(q.Id, out var chosen) && q.IsRight(chosen);
            learner.Answered(right);
            if (!right)
            {
                await points.MissedAsync(userId, q.Topic, now, ct);
            }

            results.Add(new AnswerResult(q.Id, right, q.Answer, q.Explanation));
        }

        var score = (int)Math.Round(100.0 * results.Count(r => r.Right) / questions.Count);
        var progress = await ProgressAsync(userId, lesson, ct);
        var earned = progress.Quiz(score, course.PassMark, now) ? await points.AwardAsync(userId, PointKinds.Quiz, $"quiz:{lesson.Id}", ct) : 0;
        await activity.RecordAsync(Insights.Activity.ActivityKinds.Quiz, userId, ct: ct);
        var completion = await SaveAndCompleteAsync(userId, holderName, course, ct);
        return new QuizResult(score, score >= course.PassMark, course.PassMark, results, earned + (completion?.PointsEarned ?? 0), completion);
    }

    /// <summary>Saves the step; when it finished the course, issues the certificate with its ledger record in one transaction.</summary>
    private async Task<CourseCompletion?> SaveAndCompleteAsync(string userId, string holderName, Course course, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        var enrollment = await db.Set<Enrollment>().FirstAsync(e => e.UserId == userId && e.CourseId == course.Id, ct);
        if (enrollment.CompletedAt is not null)
        {
            return null;
        }

        var lessons = await db.Set<Lesson>().AsNoTracking().Where(l => l.CourseId == course.Id).Select(l => l.Id).ToListAsync(ct);
        var quizzed = await db.Set<Question>().AsNoTracking().Where(q => q.LessonId != null && lessons.Contains(q.LessonId.Value) && q.Active)
            .Select(q => q.LessonId!.Value).Distinct().ToListAsync(ct);
        var progress = await db.Set<LessonProgress>().AsNoTracking().Where(p => p.UserId == userId && p.CourseId == course.Id).ToDictionaryAsync(p => p.LessonId, ct);
        if (lessons.Count == 0 || lessons.Any(l => progress.GetValueOrDefault(l)?.IsDone(quizzed.Contains(l)) != true))
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var minutes = await db.Set<Lesson>().AsNoTracking().Where(l => l.CourseId == course.Id).SumAsync(l => l.Minutes, ct);
        await using var ledger = await certificates.BeginAsync(ct);
        var certificate = ledger.Issue(userId, holderName, "course", course.Title, $"{Tracks.Label(course.Track)} · {lessons.Count} 课 · {minutes} 分钟", now);
        enrollment.Complete(certificate.Code, now);
        (await points.LearnerAsync(userId, ct)).CompletedCourse();
        var earned = await points.AwardAsync(userId, PointKinds.Course, $"course:{course.Id}", ct);
        await ledger.CommitAsync(ct);
        return new CourseCompletion(certificate.Code, earned);
    }

    private async Task<(Lesson Lesson, Course Course)> LessonAsync(int lessonId, CancellationToken ct)
    {
        var lesson = await db.Set<Lesson>().AsNoTracking().FirstOrDefaultAsync(l => l.Id == lessonId, ct) ?? throw new NotFoundException($"课时 {lessonId} 不存在。");
        var course = await db.Set<Course>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == lesson.CourseId && c.Published, ct)
            ?? throw new NotFoundException($"课时 {lessonId} 不存在。");
        return (lesson, course);
    }

    private async Task<Enrollment> EnrollmentAsync(string userId, int courseId, CancellationToken ct)
    {
        var enrollment = db.Set<Enrollment>().Local.FirstOrDefault(e => e.UserId == userId && e.CourseId == courseId)
            ?? await db.Set<Enrollment>().FirstOrDefaultAsync(e => e.UserId == userId && e.CourseId == courseId, ct);
        if (enrollment is null)
        {
            enrollment = new Enrollment(userId, courseId, clock.GetUtcNow().UtcDateTime);
            db.Add(enrollment);
        }

        return enrollment;
    }

    private async Task<LessonProgress> ProgressAsync(string userId, Lesson lesson, CancellationToken ct)
    {
        var progress = await db.Set<LessonProgress>().FirstOrDefaultAsync(p => p.UserId == userId && p.LessonId == lesson.Id, ct);
        if (progress is null)
        {
            progress = new LessonProgress(userId, lesson.CourseId, lesson.Id);
            db.Add(progress);
        }

        return progress;
    }

    internal static QuizQuestion ToQuiz(Question q) =>
        new(q.Id, q.Kind, QuestionKinds.Label(q.Kind), q.Stem, q.Options.Select((o, i) => new QuizOption(i, o)).ToList());
}
