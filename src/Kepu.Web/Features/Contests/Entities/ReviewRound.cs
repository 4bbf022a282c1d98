using Kepu.Web.Infrastructure.Errors;

namespace Kepu.Web.Features.Contests.Entities;

/// <summary>
/// A review round (初评, 复评, 终评): a panel of reviewers, k reviewers per entry, and the rule for advancing
/// (top N, a score threshold, or both). Opening the round assigns the entries; closing it normalises, ranks and advances.
/// </summary>
public sealed class ReviewRound
{
    private ReviewRound()
    {
    }

    public ReviewRound(int callId, int number, int k, int? advanceTopN, double? advanceThreshold, int seed, string openedBy, DateTime now)
    {
        CallId = callId;
        Number = number;
        K = k;
        AdvanceTopN = advanceTopN;
        AdvanceThreshold = advanceThreshold;
        Seed = seed;
        OpenedBy = openedBy;
        OpenedAt = now;
    }

    public int Id { get; private set; }
    public int CallId { get; private set; }
    public int Number { get; private set; }
    public int K { get; private set; }
    public int? AdvanceTopN { get; private set; }
    public double? AdvanceThreshold { get; private set; }

    /// <summary>The seed the assignment was shuffled with, kept so an assignment can be reproduced in an audit.</summary>
    public int Seed { get; private set; }

    public string Status { get; private set; } = RoundStatus.Open;
    public string OpenedBy { get; private set; } = "";
    public DateTime OpenedAt { get; private set; }
    public DateTime? ClosedAt { get; private set; }
    public List<Panelist> Panel { get; private set; } = [];

    public void Close(DateTime now)
    {
        if (Status != RoundStatus.Open)
        {
            throw new BusinessRuleException("这一轮评审已经结束。");
        }

        Status = RoundStatus.Closed;
        ClosedAt = now;
    }
}

public sealed class Panelist
{
    private Panelist()
    {
    }

    public Panelist(string reviewerId) => ReviewerId = reviewerId;

    public int Id { get; private set; }
    public int RoundId { get; private set; }
    public string ReviewerId { get; private set; } = "";
}

/// <summary>
/// A reviewer's declared tie (回避申报) to a person or organisation, made before entries are assigned: any entry whose
/// entrant, author or author's organisation has this name is never assigned to them.
/// </summary>
public sealed class DeclaredConflict
{
    private DeclaredConflict()
    {
    }

    public DeclaredConflict(int callId, string reviewerId, string name, DateTime now)
    {
        CallId = callId;
        ReviewerId = reviewerId;
        Name = name;
        DeclaredAt = now;
    }

    public int Id { get; private set; }
    public int CallId { get; private set; }
    public string ReviewerId { get; private set; } = "";
    public string Name { get; private set; } = "";
    public DateTime DeclaredAt { get; private set; }
}

/// <summary>One reviewer's review of one entry in one round: a score per rubric criterion and a comment.</summary>
public sealed class EntryReview
{
    public const int MaxComment = 1000;

    private EntryReview()
    {
    }

    public EntryReview(int roundId, int entryId, string reviewerId, DateTime now)
    {
        RoundId = roundId;
        EntryId = entryId;
        ReviewerId = reviewerId;
        AssignedAt = now;
    }

    public int Id { get; private set; }
    public int RoundId { get; private set; }
    public int EntryId { get; private set; }
    public string ReviewerId { get; private set; } = "";
    public string Status { get; private set; } = AssignmentStatus.Pending;
    public DateTime AssignedAt { get; private set; }

    /// <summary>The weighted rubric total on a 0–100 scale.</summary>
    public decimal? Total { get; private set; }

    public string Comment { get; private set; } = "";
    public DateTime? SubmittedAt { get; private set; }

    /// <summary>Set when the round closes: the z-score within this reviewer's scores and whether it is an outlier on its entry.</summary>
    public double? Z { get; private set; }

    public bool Outlier { get; private set; }
    public string? RecusalReason { get; private set; }
    public int Version { get; private set; }
    public List<CriterionScore> Scores { get; private set; } = [];

    public void Score(IReadOnlyDictionary<int, int> scores, decimal total, string comment, DateTime now)
    {
        if (Status == AssignmentStatus.Recused)
        {
            throw new BusinessRuleException("你已回避这件作品，不能再评分。");
        }

        Scores.Clear();
        Scores.AddRange(scores.Select(s => new CriterionScore(s.Key, s.Value)));
        Total = total;
        Comment = comment;
        SubmittedAt = now;
        Status = AssignmentStatus.Done;
        Version++;
    }

    public void Recuse(string reason)
    {
        if (Status != AssignmentStatus.Pending)
        {
            throw new BusinessRuleException(Status == AssignmentStatus.Done ? "已经评过分的作品不能再回避；如有利益冲突请联系组织方。" : "已经回避过了。");
        }

        Status = AssignmentStatus.Recused;
        RecusalReason = reason;
        Version++;
    }

    public void Normalised(double z, bool outlier)
    {
        Z = z;
        Outlier = outlier;
    }
}

public sealed class CriterionScore
{
    private CriterionScore()
    {
    }

    public CriterionScore(int criterionId, int value)
    {
        CriterionId = criterionId;
        Value = value;
    }

    public int Id { get; private set; }
    public int AssignmentId { get; private set; }
    public int CriterionId { get; private set; }
    public int Value { get; private set; }
}

/// <summary>An entry's outcome in a closed round: raw and normalised scores, rank, how a tie was broken, and whether it advanced.</summary>
public sealed class RoundScore
{
    private RoundScore()
    {
    }

    public RoundScore(int roundId, int entryId, decimal rawMean, double meanZ, double scaled, int rank, string? tieBreak, bool hasOutlier, bool advanced)
    {
        RoundId = roundId;
        EntryId = entryId;
        RawMean = rawMean;
        MeanZ = meanZ;
        Scaled = scaled;
        Rank = rank;
        TieBreak = tieBreak;
        HasOutlier = hasOutlier;
        Advanced = advanced;
    }

    public int Id { get; private set; }
    public int RoundId { get; private set; }
    public int EntryId { get; private set; }
    public decimal RawMean { get; private set; }
    public double MeanZ { get; private set; }
    public double Scaled { get; private set; }
    public int Rank { get; private set; }
    public string? TieBreak { get; private set; }
    public bool HasOutlier { get; private set; }
    public bool Advanced { get; private set; }
}
