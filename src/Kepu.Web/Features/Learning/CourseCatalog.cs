using Kepu.Web.Features.Learning.Entities;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Learning;

public sealed record CourseCard(int Id, string Track, string TrackLabel, string Title, string Summary, IReadOnlyList<string> Audiences, string Topic,
    int Lessons, int Minutes, CourseStanding? Mine);

/// <summary>Where a person stands in a course: lessons done, the lesson to go back to, finished and its certificate.</summary>
public sealed record CourseStanding(int Done, int Total, int? ResumeLessonId, DateTime? CompletedAt, string? CertificateCode);

public sealed record LessonLine(int Id, int Number, string Title, int Minutes, bool HasQuiz, bool Studied, int? QuizScore, bool Done);

public sealed record ChapterOutline(int Number, string Title, IReadOnlyList<LessonLine> Lessons);

public sealed record CourseOutline(CourseCard Course, int PassMark, IReadOnlyList<ChapterOutline> Chapters);

/// <summary>The course list and a course's outline, with the reader's own progress when signed in.</summary>
public sealed class CourseCatalog(AppDbContext db)
{
    public async Task<IReadOnlyList<CourseCard>> ListAsync(string? userId, string? track, CancellationToken ct = default)
    {
        var query = db.Set<Course>().AsNoTracking().Where(c => c.Published);
        if (!string.IsNullOrEmpty(track))
        {
            query = query.Where(c => c.Track == track);
        }

        var courses = await query.OrderBy(c => c.Id).ToListAsync(ct);
        var ids = courses.Select(c => c.Id).ToList();
        var lessons = (await db.Set<Lesson>().AsNoTracking().Where(l => ids.Contains(l.CourseId)).Select(l => new { l.CourseId, l.Minutes }).ToListAsync(ct))
            .GroupBy(l => l.CourseId).ToDictionary(g => g.Key, g => (Count: g.Count(), Minutes: g.Sum(l => l.Minutes)));
        var standings = userId is null ? [] : await StandingsAsync(userId, ids, ct);
        return courses.Select(c => Card(c, lessons.GetValueOrDefault(c.Id), standings.GetValueOrDefault(c.Id))).ToList();
    }

    public async Task<CourseOutline> OutlineAsync(int courseId, string? userId, CancellationToken ct = default)
    {
        var course = await db.Set<Course>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == courseId && c.Published, ct)
            ?? throw new NotFoundException($"课程 {courseId} 不存在。");
        var chapters = await db.Set<Chapter>().AsNoTracking().Where(c => c.CourseId == courseId).OrderBy(c => c.Number).ToListAsync(ct);
        var lessons = await db.Set<Lesson>().AsNoTracking().Where(l => l.CourseId == courseId).OrderBy(l => l.Number)
            .Select(l => new { l.Id, l.ChapterId, l.Number, l.Title, l.Minutes }).ToListAsync(ct);
        var quizzed = await QuizzedLessonsAsync(courseId, ct);
        var progress = userId is null
            ? []
            : await db.Set<LessonProgress>().AsNoTracking().Where(p => p.UserId == userId && p.CourseId == courseId).ToDictionaryAsync(p => p.LessonId, ct);
        var standing = userId is null ? null : (await StandingsAsync(userId, [courseId], ct)).GetValueOrDefault(courseId);
        var outline = chapters.Select(ch => new ChapterOutline(ch.Number, ch.Title, lessons.Where(l => l.ChapterId == ch.Id).Select(l =>
        {
            var p = progress.GetValueOrDefault(l.Id);
            var hasQuiz = quizzed.Contains(l.Id);
            return new LessonLine(l.Id, l.Number, l.Title, l.Minutes, hasQuiz, p?.StudiedAt is not null, p?.QuizScore, p?.IsDone(hasQuiz) == true);
        }).ToList())).ToList();
        return new CourseOutline(Card(course, (lessons.Count, lessons.Sum(l => l.Minutes)), standing), course.PassMark, outline);
    }

    /// <summary>Lessons of a course that have quiz questions.</summary>
    public async Task<HashSet<int>> QuizzedLessonsAsync(int courseId, CancellationToken ct = default) =>
        [.. await (from q in db.Set<Question>().AsNoTracking()
                   join l in db.Set<Lesson>().AsNoTracking() on q.LessonId equals l.Id
                   where l.CourseId == courseId && q.Active
                   select l.Id).Distinct().ToListAsync(ct)];

    private async Task<Dictionary<int, CourseStanding>> StandingsAsync(string userId, List<int> courseIds, CancellationToken ct)
    {
        var enrolments = await db.Set<Enrollment>().AsNoTracking().Where(e => e.UserId == userId && courseIds.Contains(e.CourseId)).ToListAsync(ct);
        if (enrolments.Count == 0)
        {
            return [];
        }

        var enrolled = enrolments.Select(e => e.CourseId).ToList();
        var totals = await db.Set<Lesson>().AsNoTracking().Where(l => enrolled.Contains(l.CourseId)).GroupBy(l => l.CourseId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var quizzed = await (from q in db.Set<Question>().AsNoTracking()
                             join l in db.Set<Lesson>().AsNoTracking() on q.LessonId equals l.Id
                             where enrolled.Contains(l.CourseId) && q.Active
                             select l.Id).Distinct().ToListAsync(ct);
        var progress = await db.Set<LessonProgress>().AsNoTracking().Where(p => p.UserId == userId && enrolled.Contains(p.CourseId)).ToListAsync(ct);
        var quizSet = quizzed.ToHashSet();
        return enrolments.ToDictionary(e => e.CourseId, e => new CourseStanding(
            progress.Count(p => p.CourseId == e.CourseId && p.IsDone(quizSet.Contains(p.LessonId))), totals.GetValueOrDefault(e.CourseId),
            e.LastLessonId, e.CompletedAt, e.CertificateCode));
    }

    private static CourseCard Card(Course c, (int Count, int Minutes) lessons, CourseStanding? mine) =>
        new(c.Id, c.Track, Tracks.Label(c.Track), c.Title, c.Summary, c.Audiences, c.Topic, lessons.Count, lessons.Minutes, mine);
}
