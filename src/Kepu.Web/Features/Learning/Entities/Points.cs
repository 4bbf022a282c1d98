using Kepu.Web.Infrastructure.Errors;

namespace Kepu.Web.Features.Learning.Entities;

public static class PointKinds
{
    public const string Read = "read";
    public const string Lesson = "lesson";
    public const string Quiz = "quiz";
    public const string Course = "course";
    public const string Daily = "daily";
    public const string Challenge = "challenge";

    /// <summary>Starting rules (administrators change them): kind, label, points per event, cap per day.</summary>
    public static readonly (string Kind, string Label, int Points, int DailyCap)[] Defaults =
    [
        (Read, "阅读、观看科普内容", 1, 10),
        (Lesson, "学完一节课", 5, 30),
        (Quiz, "通过课后测验", 5, 30),
        (Course, "完成一门课程", 20, 40),
        (Daily, "每日答题答对一题", 2, 10),
        (Challenge, "挑战答题答对一题", 1, 20),
    ];
}

/// <summary>How many points an action earns, and at most how many a day (set by administrators).</summary>
public sealed class PointRule
{
    private PointRule()
    {
    }

    public PointRule(string kind, string label, int points, int dailyCap)
    {
        Kind = kind;
        Label = label;
        Set(points, dailyCap);
    }

    public string Kind { get; private set; } = "";
    public string Label { get; private set; } = "";
    public int Points { get; private set; }
    public int DailyCap { get; private set; }

    public void Set(int points, int dailyCap)
    {
        if (points is < 0 or > 1000 || dailyCap is < 0 or > 10000)
        {
            throw new BusinessRuleException("每次积分须在 0 到 1000 之间，每日上限在 0 到 10000 之间。");
        }

        Points = points;
        DailyCap = dailyCap;
    }
}

/// <summary>One award, appended and never changed: the history behind the running totals.</summary>
public sealed class PointEvent
{
    private PointEvent()
    {
    }

    public PointEvent(string userId, string kind, int points, DateTime at, DateOnly day, string? reference)
    {
        UserId = userId;
        Kind = kind;
        Points = points;
        At = at;
        Day = day;
        Reference = reference;
    }

    public long Id { get; private set; }
    public string UserId { get; private set; } = "";
    public string Kind { get; private set; } = "";
    public int Points { get; private set; }
    public DateTime At { get; private set; }

    /// <summary>The Beijing calendar day (caps and streaks count Beijing days).</summary>
    public DateOnly Day { get; private set; }

    public string? Reference { get; private set; }
}

/// <summary>Points of one kind on one day for one person: what the daily cap is checked against.</summary>
public sealed class PointDay
{
    private PointDay()
    {
    }

    public PointDay(string userId, DateOnly day, string kind)
    {
        UserId = userId;
        Day = day;
        Kind = kind;
    }

    public string UserId { get; private set; } = "";
    public DateOnly Day { get; private set; }
    public string Kind { get; private set; } = "";
    public int Points { get; private set; }

    public void Add(int points) => Points += points;
}

/// <summary>
/// A person's running totals, kept up to date on every award so leaderboards and 我的进度 read one row (never the
/// events): total, this person's district and organisation for the boards, streak, and whether they agreed to be named.
/// </summary>
public sealed class Learner
{
    private Learner()
    {
    }

    public Learner(string userId)
    {
        UserId = userId;
    }

    public string UserId { get; private set; } = "";
    public int Total { get; private set; }
    public string? DistrictCode { get; private set; }
    public int? OrganizationId { get; private set; }
    public int Streak { get; private set; }
    public int BestStreak { get; private set; }
    public DateOnly? LastActiveDay { get; private set; }

    /// <summary>Consent to be named on leaderboards (otherwise shown as 匿名学员).</summary>
    public bool ShowName { get; private set; }

    public int CoursesCompleted { get; private set; }
    public int QuestionsAnswered { get; private set; }
    public int QuestionsRight { get; private set; }

    public void Place(string? district, int? organization)
    {
        DistrictCode = district;
        OrganizationId = organization;
    }

    public void Consent(bool showName) => ShowName = showName;

    /// <summary>Points earned today: the streak grows on the first active day after yesterday, and restarts after a gap.</summary>
    public void Earn(int points, DateOnly today)
    {
        Total += points;
        if (LastActiveDay == today)
        {
            return;
        }

        Streak = LastActiveDay == today.AddDays(-1) ? Streak + 1 : 1;
        BestStreak = Math.Max(BestStreak, Streak);
        LastActiveDay = today;
    }

    /// <summary>The streak as of <paramref name="today"/>: broken once a whole day passed without activity.</summary>
    public int StreakOn(DateOnly today) => LastActiveDay is { } last && last >= today.AddDays(-1) ? Streak : 0;

    public void Answered(bool right)
    {
        QuestionsAnswered++;
        if (right)
        {
            QuestionsRight++;
        }
    }

    public void CompletedCourse() => CoursesCompleted++;
}

/// <summary>A topic a person got wrong recently: the feed shows them more on it.</summary>
public sealed class MissedTopic
{
    private MissedTopic()
    {
    }

    public MissedTopic(string userId, string topic, DateTime now)
    {
        UserId = userId;
        Topic = topic;
        LastMissedAt = now;
        Count = 1;
    }

    public string UserId { get; private set; } = "";
    public string Topic { get; private set; } = "";
    public DateTime LastMissedAt { get; private set; }
    public int Count { get; private set; }

    public void Missed(DateTime now)
    {
        LastMissedAt = now;
        Count++;
    }
}
