using Kepu.Web.Infrastructure.Errors;

namespace Kepu.Web.Features.Learning.Entities;

/// <summary>A person taking a course: where they left off and when they finished.</summary>
public sealed class Enrollment
{
    private Enrollment()
    {
    }

    public Enrollment(string userId, int courseId, DateTime now)
    {
        UserId = userId;
        CourseId = courseId;
        EnrolledAt = now;
    }

    public int Id { get; private set; }
    public string UserId { get; private set; } = "";
    public int CourseId { get; private set; }
    public DateTime EnrolledAt { get; private set; }

    /// <summary>The lesson last opened: 继续学习 goes back to it.</summary>
    public int? LastLessonId { get; private set; }

    public DateTime? CompletedAt { get; private set; }
    public string? CertificateCode { get; private set; }

    public void Opened(int lessonId) => LastLessonId = lessonId;

    public void Complete(string certificateCode, DateTime now)
    {
        if (CompletedAt is not null)
        {
            throw new BusinessRuleException("这门课已经完成。");
        }

        CompletedAt = now;
        CertificateCode = certificateCode;
    }
}

/// <summary>One lesson for one person: studied, and the best quiz result.</summary>
public sealed class LessonProgress
{
    private LessonProgress()
    {
    }

    public LessonProgress(string userId, int courseId, int lessonId)
    {
        UserId = userId;
        CourseId = courseId;
        LessonId = lessonId;
    }

    public long Id { get; private set; }
    public string UserId { get; private set; } = "";
    public int CourseId { get; private set; }
    public int LessonId { get; private set; }
    public DateTime? StudiedAt { get; private set; }

    /// <summary>Best quiz score in percent (null: not tried).</summary>
    public int? QuizScore { get; private set; }

    public DateTime? QuizPassedAt { get; private set; }

    /// <summary>Marks the lesson studied; true the first time.</summary>
    public bool Study(DateTime now)
    {
        if (StudiedAt is not null)
        {
            return false;
        }

        StudiedAt = now;
        return true;
    }

    /// <summary>Records a quiz result; true when this attempt passed it for the first time.</summary>
    public bool Quiz(int percent, int passMark, DateTime now)
    {
        QuizScore = Math.Max(QuizScore ?? 0, percent);
        if (percent >= passMark && QuizPassedAt is null)
        {
            QuizPassedAt = now;
            return true;
        }

        return false;
    }

    /// <summary>Done: studied, and its quiz passed when it has one.</summary>
    public bool IsDone(bool hasQuiz) => StudiedAt is not null && (!hasQuiz || QuizPassedAt is not null);
}
