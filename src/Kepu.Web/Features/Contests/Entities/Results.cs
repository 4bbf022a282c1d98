using Kepu.Web.Infrastructure.Errors;

namespace Kepu.Web.Features.Contests.Entities;

/// <summary>
/// An entry's final place: the review score of the last round, valid votes, the combined score, rank and award.
/// Written when the ranking goes up for 公示; the library item and certificate are linked when results are published.
/// </summary>
public sealed class ContestResult
{
    private ContestResult()
    {
    }

    public ContestResult(int callId, int entryId, int rank, double reviewScore, int votes, double combined, string? tieBreak, int? awardId)
    {
        CallId = callId;
        EntryId = entryId;
        Rank = rank;
        ReviewScore = reviewScore;
        Votes = votes;
        Combined = combined;
        TieBreak = tieBreak;
        AwardId = awardId;
    }

    public int Id { get; private set; }
    public int CallId { get; private set; }
    public int EntryId { get; private set; }
    public int Rank { get; private set; }
    public double ReviewScore { get; private set; }
    public int Votes { get; private set; }
    public double Combined { get; private set; }
    public string? TieBreak { get; private set; }
    public int? AwardId { get; private set; }
    public int? LibraryContentId { get; private set; }
    public string? CertificateCode { get; private set; }

    /// <summary>An objection was upheld: the award is withdrawn (the place stays, for the record).</summary>
    public void RevokeAward() => AwardId = null;

    public void Published(int? contentId, string? certificateCode)
    {
        LibraryContentId = contentId;
        CertificateCode = certificateCode;
    }
}

/// <summary>An objection (异议) filed during 公示, answered by the organisers; upholding one withdraws the entry's award.</summary>
public sealed class Objection
{
    public const int MaxText = 1000;

    private Objection()
    {
    }

    public Objection(int callId, int entryId, string filedBy, string text, DateTime now)
    {
        CallId = callId;
        EntryId = entryId;
        FiledBy = filedBy;
        Text = text;
        FiledAt = now;
    }

    public int Id { get; private set; }
    public int CallId { get; private set; }
    public int EntryId { get; private set; }
    public string FiledBy { get; private set; } = "";
    public string Text { get; private set; } = "";
    public DateTime FiledAt { get; private set; }
    public string? Answer { get; private set; }
    public bool? Upheld { get; private set; }
    public string? AnsweredBy { get; private set; }
    public DateTime? AnsweredAt { get; private set; }
    public int Version { get; private set; }

    public bool IsOpen => Answer is null;

    public void Respond(string answer, bool upheld, string by, DateTime now)
    {
        if (!IsOpen)
        {
            throw new BusinessRuleException("这条异议已经答复过了。");
        }

        Answer = answer;
        Upheld = upheld;
        AnsweredBy = by;
        AnsweredAt = now;
        Version++;
    }
}

/// <summary>
/// A public vote: one per account per entry per Beijing day (a unique index). Votes flagged as anomalous
/// (a burst from one network, a new account) are kept for the record but do not count.
/// </summary>
public sealed class ContestVote
{
    private ContestVote()
    {
    }

    public ContestVote(int callId, int entryId, string userId, DateOnly day, DateTime at, string network)
    {
        CallId = callId;
        EntryId = entryId;
        UserId = userId;
        Day = day;
        At = at;
        Network = network;
    }

    public long Id { get; private set; }
    public int CallId { get; private set; }
    public int EntryId { get; private set; }
    public string UserId { get; private set; } = "";
    public DateOnly Day { get; private set; }
    public DateTime At { get; private set; }
    public string Network { get; private set; } = "";
    public bool Flagged { get; private set; }
    public string? FlagReason { get; private set; }

    public void Flag(string reason)
    {
        Flagged = true;
        FlagReason = reason;
    }

    public void ClearFlag()
    {
        Flagged = false;
        FlagReason = null;
    }
}

/// <summary>The audit trail of a call: who did what, when. Written in the same save as the change it records.</summary>
public sealed class ContestAudit
{
    private ContestAudit()
    {
    }

    public ContestAudit(int callId, string actorId, string action, string detail, DateTime at)
    {
        CallId = callId;
        ActorId = actorId;
        Action = action;
        Detail = detail;
        At = at;
    }

    public long Id { get; private set; }
    public int CallId { get; private set; }
    public string ActorId { get; private set; } = "";
    public string Action { get; private set; } = "";
    public string Detail { get; private set; } = "";
    public DateTime At { get; private set; }
}
