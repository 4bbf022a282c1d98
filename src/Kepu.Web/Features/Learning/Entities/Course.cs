using Kepu.Web.Infrastructure.Errors;

namespace Kepu.Web.Features.Learning.Entities;

/// <summary>Learning tracks named by the plan; a course belongs to one.</summary>
public static class Tracks
{
    public const string Elder = "elder";
    public const string RuralLeader = "rural-leader";
    public const string Worker = "worker";
    public const string Official = "official";
    public const string General = "general";

    public static readonly string[] All = [Elder, RuralLeader, Worker, Official, General];

    public static string Label(string track) => track switch
    {
        Elder => "智慧助老",
        RuralLeader => "农村致富带头人",
        Worker => "产业工人",
        Official => "领导干部和公务员",
        _ => "全民科学素质",
    };
}

/// <summary>A course: chapters of lessons, a quiz per lesson, a pass mark, a certificate on completion.</summary>
public sealed class Course
{
    private Course()
    {
    }

    public Course(string? key, string track, string title, string summary, IReadOnlyList<string> audiences, string topic, int passMark, DateTime now)
    {
        Key = key;
        CreatedAt = now;
        Update(track, title, summary, audiences, topic, passMark);
    }

    public int Id { get; private set; }

    /// <summary>Import id (demo and bulk loads update by it).</summary>
    public string? Key { get; private set; }

    public string Track { get; private set; } = Tracks.General;
    public string Title { get; private set; } = "";
    public string Summary { get; private set; } = "";
    public List<string> Audiences { get; private set; } = [];
    public string Topic { get; private set; } = "";

    /// <summary>Percent of a lesson quiz to answer correctly to pass it.</summary>
    public int PassMark { get; private set; }

    public bool Published { get; private set; } = true;
    public DateTime CreatedAt { get; private set; }

    public void Update(string track, string title, string summary, IReadOnlyList<string> audiences, string topic, int passMark)
    {
        if (!Tracks.All.Contains(track))
        {
            throw new BusinessRuleException($"未知的学习方向“{track}”。");
        }

        if (passMark is < 1 or > 100)
        {
            throw new BusinessRuleException("及格线须在 1 到 100 之间。");
        }

        Track = track;
        Title = title;
        Summary = summary;
        Audiences = [.. audiences];
        Topic = topic;
        PassMark = passMark;
    }
}

public sealed class Chapter
{
    private Chapter()
    {
    }

    public Chapter(int courseId, int number, string title)
    {
        CourseId = courseId;
        Number = number;
        Title = title;
    }

    public int Id { get; private set; }
    public int CourseId { get; private set; }
    public int Number { get; private set; }
    public string Title { get; private set; } = "";

    public void Rename(string title) => Title = title;
}

/// <summary>A lesson: the course's own text (Markdown, stored with its HTML), a video or audio file, or a library item.</summary>
public sealed class Lesson
{
    private Lesson()
    {
    }

    public Lesson(int courseId, int chapterId, int number, string title, int minutes, string body, string bodyHtml, string? mediaUrl, int? libraryItemId)
    {
        CourseId = courseId;
        ChapterId = chapterId;
        Number = number;
        Update(title, minutes, body, bodyHtml, mediaUrl, libraryItemId);
    }

    public int Id { get; private set; }
    public int CourseId { get; private set; }
    public int ChapterId { get; private set; }

    /// <summary>Reading order across the whole course, from 1.</summary>
    public int Number { get; private set; }

    public string Title { get; private set; } = "";

    /// <summary>Study time it counts for (officials' required hours add these up).</summary>
    public int Minutes { get; private set; }

    public string Body { get; private set; } = "";
    public string BodyHtml { get; private set; } = "";

    /// <summary>A <c>/media/…</c> video or audio file, if the lesson has one.</summary>
    public string? MediaUrl { get; private set; }

    public int? LibraryItemId { get; private set; }

    public void Update(string title, int minutes, string body, string bodyHtml, string? mediaUrl, int? libraryItemId)
    {
        if (minutes is < 1 or > 600)
        {
            throw new BusinessRuleException("课时时长须在 1 到 600 分钟之间。");
        }

        Title = title;
        Minutes = minutes;
        Body = body;
        BodyHtml = bodyHtml;
        MediaUrl = mediaUrl;
        LibraryItemId = libraryItemId;
    }
}
