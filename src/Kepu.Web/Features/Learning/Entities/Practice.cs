using Kepu.Web.Infrastructure.Errors;

namespace Kepu.Web.Features.Learning.Entities;

/// <summary>每日答题: one set a day per person; the first submission of the day counts.</summary>
public sealed class PracticeDay
{
    private PracticeDay()
    {
    }

    public PracticeDay(string userId, DateOnly day, int questions, int right, DateTime now)
    {
        UserId = userId;
        Day = day;
        Questions = questions;
        Right = right;
        SubmittedAt = now;
    }

    public string UserId { get; private set; } = "";
    public DateOnly Day { get; private set; }
    public int Questions { get; private set; }
    public int Right { get; private set; }
    public DateTime SubmittedAt { get; private set; }
}

/// <summary>
/// 挑战答题: questions one at a time, 45 seconds each, timed on the server; the run stops at the first wrong or late
/// answer, or when the bank runs out.
/// </summary>
public sealed class ChallengeRun
{
    public static readonly TimeSpan PerQuestion = TimeSpan.FromSeconds(45);

    private ChallengeRun()
    {
    }

    public ChallengeRun(string userId, int firstQuestion, DateTime now)
    {
        UserId = userId;
        StartedAt = now;
        Ask(firstQuestion, now);
    }

    public long Id { get; private set; }
    public string UserId { get; private set; } = "";
    public DateTime StartedAt { get; private set; }
    public int? CurrentQuestionId { get; private set; }
    public DateTime AskedAt { get; private set; }
    public List<int> Asked { get; private set; } = [];
    public int Right { get; private set; }
    public DateTime? EndedAt { get; private set; }

    /// <summary>wrong 答错, late 超时, finished 题目答完.</summary>
    public string? EndReason { get; private set; }

    public DateTime Deadline => AskedAt + PerQuestion;

    public bool Over => EndedAt is not null;

    /// <summary>Checks an answer to the current question: true when right and in time; otherwise the run ends.</summary>
    public bool Answer(int questionId, bool right, DateTime now)
    {
        if (Over)
        {
            throw new BusinessRuleException("这次挑战已经结束，请重新开始。");
        }

        if (questionId != CurrentQuestionId)
        {
            throw new BusinessRuleException("这道题不是当前的挑战题。");
        }

        if (now > Deadline)
        {
            End("late", now);
            return false;
        }

        if (!right)
        {
            End("wrong", now);
            return false;
        }

        Right++;
        CurrentQuestionId = null;
        return true;
    }

    public void Ask(int questionId, DateTime now)
    {
        CurrentQuestionId = questionId;
        AskedAt = now;
        Asked = [.. Asked, questionId];
    }

    public void End(string reason, DateTime now)
    {
        EndedAt = now;
        EndReason = reason;
        CurrentQuestionId = null;
    }

    public static string ReasonLabel(string? reason) => reason switch
    {
        "wrong" => "答错了",
        "late" => "超过 45 秒没有作答",
        "finished" => "题目都答完了",
        _ => "",
    };
}
