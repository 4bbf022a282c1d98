using System.Text.Json;
using Kepu.Web.Features.Learning.Entities;
using Kepu.Web.Features.Library;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Learning;

/// <summary>
/// Loads a course written as one JSON document (course, chapters with lessons, questions naming their lesson by
/// number), as the demo courses are. Everything is validated first and written in one transaction; loading the same
/// key again replaces the course's text and updates its questions by their keys, keeping learners' progress.
/// </summary>
public sealed class CourseImport(AppDbContext db, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public sealed record LessonDoc(string? Title, int? Minutes, string? Body, string? MediaUrl, int? LibraryItem);

    public sealed record ChapterDoc(string? Title, List<LessonDoc>? Lessons);

    public sealed record QuestionDoc(int? Lesson, string? Kind, string? Stem, List<string>? Options, List<int>? Answer, string? Explanation, int? Difficulty,
        string? Dimension, string? Topic, List<string>? Audiences);

    public sealed record CourseDoc(string? Key, string? Track, string? Title, string? Summary, List<string>? Audiences, string? Topic, int? PassMark,
        List<ChapterDoc>? Chapters, List<QuestionDoc>? Questions);

    public async Task<int> ImportAsync(string json, CancellationToken ct = default)
    {
        CourseDoc doc;
        try
        {
            doc = JsonSerializer.Deserialize<CourseDoc>(json, Json) ?? throw new JsonException();
        }
        catch (JsonException)
        {
            throw Invalid("file", "不是有效的课程 JSON。");
        }

        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(doc.Key) || string.IsNullOrWhiteSpace(doc.Title) || doc.Chapters is not { Count: > 0 })
        {
            throw Invalid("course", "课程须有 key、title 和至少一章。");
        }

        var lessons = doc.Chapters.SelectMany(c => c.Lessons ?? []).ToList();
        if (lessons.Count == 0 || lessons.Any(l => string.IsNullOrWhiteSpace(l.Title) || string.IsNullOrWhiteSpace(l.Body)))
        {
            throw Invalid("lessons", "每一课须有标题和正文。");
        }

        if (lessons.Any(l => l.MediaUrl is { } media && (media.Length > 200 || !(media.StartsWith("/media/", StringComparison.Ordinal) || media.StartsWith("/audio/", StringComparison.Ordinal)))))
        {
            throw Invalid("lessons", "课时的音视频须是上传后得到的 /media/… 地址（或随平台提供的 /audio/… 录音）。");
        }

        var questions = new List<(int Lesson, QuestionFields Fields)>();
        foreach (var (q, i) in (doc.Questions ?? []).Select((q, i) => (q, i)))
        {
            var (fields, problems) = QuestionRules.Validate(q.Kind, q.Stem, q.Options, q.Answer, q.Explanation, q.Difficulty, q.Dimension,
                q.Audiences ?? doc.Audiences, q.Topic ?? doc.Topic);
            if (fields is null || q.Lesson is not { } n || n < 1 || n > lessons.Count)
            {
                errors[$"questions[{i}]"] = [.. problems.SelectMany(p => p.Value), .. q.Lesson is >= 1 && q.Lesson <= lessons.Count ? Array.Empty<string>() : ["lesson 须是课程中某一课的序号。"]];
                continue;
            }

            questions.Add((n, fields));
        }

        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var course = await db.Set<Course>().FirstOrDefaultAsync(c => c.Key == doc.Key, ct);
        try
        {
            if (course is null)
            {
                course = new Course(doc.Key, doc.Track ?? Tracks.General, doc.Title, doc.Summary ?? "", doc.Audiences ?? ["public"], doc.Topic ?? "", doc.PassMark ?? 60, now);
                db.Add(course);
            }
            else
            {
                course.Update(doc.Track ?? Tracks.General, doc.Title, doc.Summary ?? "", doc.Audiences ?? ["public"], doc.Topic ?? "", doc.PassMark ?? 60);
            }
        }
        catch (BusinessRuleException e)
        {
            throw Invalid("course", e.Message);
        }

        await db.SaveChangesAsync(ct);
        var chapters = await db.Set<Chapter>().Where(c => c.CourseId == course.Id).ToListAsync(ct);
        var existing = await db.Set<Lesson>().Where(l => l.CourseId == course.Id).ToListAsync(ct);
        var lessonIds = new List<int>();
        var number = 0;
        foreach (var (chapterDoc, c) in doc.Chapters.Select((c, i) => (c, i + 1)))
        {
            var chapter = chapters.FirstOrDefault(x => x.Number == c);
            if (chapter is null)
            {
                chapter = new Chapter(course.Id, c, chapterDoc.Title ?? $"第 {c} 章");
                db.Add(chapter);
                await db.SaveChangesAsync(ct);
            }
            else
            {
                chapter.Rename(chapterDoc.Title ?? chapter.Title);
            }

            foreach (var l in chapterDoc.Lessons ?? [])
            {
                number++;
                var html = MarkdownRenderer.Render(l.Body!);
                var lesson = existing.FirstOrDefault(x => x.Number == number);
                try
                {
                    if (lesson is null)
                    {
                        lesson = new Lesson(course.Id, chapter.Id, number, l.Title!, l.Minutes ?? 10, l.Body!, html, l.MediaUrl, l.LibraryItem);
                        db.Add(lesson);
                    }
                    else
                    {
                        lesson.Update(l.Title!, l.Minutes ?? 10, l.Body!, html, l.MediaUrl, l.LibraryItem);
                    }
                }
                catch (BusinessRuleException e)
                {
                    throw Invalid($"lessons[{number - 1}]", e.Message);
                }

                await db.SaveChangesAsync(ct);
                lessonIds.Add(lesson.Id);
            }
        }

        var keyed = await db.Set<Question>().Where(q => q.Key != null && q.Key.StartsWith(doc.Key + "-q")).ToDictionaryAsync(q => q.Key!, ct);
        foreach (var ((lesson, fields), i) in questions.Select((q, i) => (q, i + 1)))
        {
            var key = $"{doc.Key}-q{i}";
            if (keyed.TryGetValue(key, out var question))
            {
                question.Update(fields, lessonIds[lesson - 1]);
            }
            else
            {
                db.Add(new Question(key, fields, lessonIds[lesson - 1], now));
            }
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return course.Id;
    }

    private static ValidationFailedException Invalid(string field, string message) => new(new Dictionary<string, string[]> { [field] = [message] });
}
