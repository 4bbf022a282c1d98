namespace Kepu.Web.Features.Insights.Activity;

/// <summary>
/// What an activity event records. Codes are stored in the log and the aggregates; each metric of the dashboards is
/// the sum of one kind's amounts (<see cref="Dashboards.Metrics"/>).
/// </summary>
public static class ActivityKinds
{
    /// <summary>A signed-in person opened a published library item (anonymous readers are served from the page cache).</summary>
    public const string View = "view";

    /// <summary>A lesson studied for the first time; the amount is the lesson's minutes.</summary>
    public const string Lesson = "lesson";

    /// <summary>A lesson quiz, the daily questions, a challenge run or an exam paper handed in.</summary>
    public const string Quiz = "quiz";

    /// <summary>An event held: counted when its organiser files the report, in the month it started.</summary>
    public const string Event = "event";

    /// <summary>Attendance reported for an event; a corrected report adds the difference (the log is never edited).</summary>
    public const string Attendance = "attendance";

    public const string Registration = "registration";
    public const string CheckIn = "checkin";

    /// <summary>A caravan or mobile-museum stop marked done, in the month it began.</summary>
    public const string Caravan = "caravan";

    /// <summary>A 查一查 check.</summary>
    public const string Check = "check";

    /// <summary>An expert's debunk verdict published.</summary>
    public const string Debunk = "debunk";

    /// <summary>Not in the log: the projector counts a person once per month when their first event of the month arrives.</summary>
    public const string Active = "active";

    public static readonly IReadOnlyList<string> Logged = [View, Lesson, Quiz, Event, Attendance, Registration, CheckIn, Caravan, Check, Debunk];

    public static bool IsLogged(string kind) => Logged.Contains(kind);
}
