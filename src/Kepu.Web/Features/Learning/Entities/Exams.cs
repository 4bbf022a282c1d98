using Kepu.Web.Infrastructure.Errors;

namespace Kepu.Web.Features.Learning.Entities;

/// <summary>How many questions of one dimension and difficulty an exam draws.</summary>
public sealed record BlueprintLine(string Dimension, int Difficulty, int Count);

/// <summary>
/// An exam for a unit (and its departments): a blueprint a fresh paper is drawn from for each candidate, a time
/// limit, a window in which it can be started, and a pass mark.
/// </summary>
public sealed class Exam
{
    public const int MaxQuestions = 100;

    private Exam()
    {
    }

    public Exam(int organizationId, string title, IReadOnlyList<BlueprintLine> blueprint, int minutes, DateTime opensAt, DateTime closesAt, int passMark,
        string createdBy, DateTime now)
    {
        if (blueprint.Count == 0 || blueprint.Any(b => b.Count < 0 || !Dimensions.All.Contains(b.Dimension) || b.Difficulty is < 1 or > 3)
            || blueprint.Sum(b => b.Count) is < 1 or > MaxQuestions)
        {
            throw new BusinessRuleException($"组卷规则须按维度和难度给出题数，合计 1 到 {MaxQuestions} 道。");
        }

        if (minutes is < 5 or > 300)
        {
            throw new BusinessRuleException("考试时长须在 5 到 300 分钟之间。");
        }

        if (closesAt <= opensAt)
        {
            throw new BusinessRuleException("考试的截止时间须晚于开始时间。");
        }

        if (passMark is < 1 or > 100)
        {
            throw new BusinessRuleException("及格线须在 1 到 100 之间。");
        }

        OrganizationId = organizationId;
        Title = title;
        Blueprint = [.. blueprint.Where(b => b.Count > 0)];
        Minutes = minutes;
        OpensAt = opensAt;
        ClosesAt = closesAt;
        PassMark = passMark;
        CreatedBy = createdBy;
        CreatedAt = now;
    }

    public int Id { get; private set; }
    public int OrganizationId { get; private set; }
    public string Title { get; private set; } = "";
    public List<BlueprintLine> Blueprint { get; private set; } = [];
    public int Minutes { get; private set; }
    public DateTime OpensAt { get; private set; }
    public DateTime ClosesAt { get; private set; }
    public int PassMark { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }

    public int QuestionCount => Blueprint.Sum(b => b.Count);

    public bool IsOpen(DateTime now) => now >= OpensAt && now < ClosesAt;
}

/// <summary>One candidate's paper: the questions drawn for them, each with its options in a shuffled order, and the result.</summary>
public sealed class ExamAttempt
{
    /// <summary>Answers sent this long after the deadline still count (a slow phone network), later ones do not.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);

    private ExamAttempt()
    {
    }

    public ExamAttempt(int examId, string userId, IReadOnlyList<int> questions, IReadOnlyList<string> orders, DateTime now, DateTime deadline)
    {
        ExamId = examId;
        UserId = userId;
        Questions = [.. questions];
        Orders = [.. orders];
        StartedAt = now;
        Deadline = deadline;
    }

    public long Id { get; private set; }
    public int ExamId { get; private set; }
    public string UserId { get; private set; } = "";
    public List<int> Questions { get; private set; } = [];

    /// <summary>Per question, the original option indexes in the order shown (e.g. "2,0,3,1").</summary>
    public List<string> Orders { get; private set; } = [];

    public DateTime StartedAt { get; private set; }
    public DateTime Deadline { get; private set; }
    public DateTime? SubmittedAt { get; private set; }
    public int? Score { get; private set; }
    public bool Passed { get; private set; }
    public bool Late { get; private set; }
    public long? LedgerSequence { get; private set; }
    public string? CertificateCode { get; private set; }

    public IReadOnlyList<int> Order(int question) => [.. Orders[Questions.IndexOf(question)].Split(',').Select(int.Parse)];

    public bool InTime(DateTime now) => now <= Deadline + Grace;

    public void Submit(int score, bool passed, bool late, long ledgerSequence, string? certificateCode, DateTime now)
    {
        if (SubmittedAt is not null)
        {
            throw new BusinessRuleException("这份试卷已经交过了。");
        }

        SubmittedAt = now;
        Score = score;
        Passed = passed;
        Late = late;
        LedgerSequence = ledgerSequence;
        CertificateCode = certificateCode;
    }
}

/// <summary>Study hours each member of a unit must complete in a year.</summary>
public sealed class StudyRequirement
{
    private StudyRequirement()
    {
    }

    public StudyRequirement(int organizationId, int year, int hours)
    {
        OrganizationId = organizationId;
        Year = year;
        Set(hours);
    }

    public int OrganizationId { get; private set; }
    public int Year { get; private set; }
    public int Hours { get; private set; }

    public void Set(int hours)
    {
        if (hours is < 0 or > 1000)
        {
            throw new BusinessRuleException("年度学时须在 0 到 1000 之间。");
        }

        Hours = hours;
    }
}
