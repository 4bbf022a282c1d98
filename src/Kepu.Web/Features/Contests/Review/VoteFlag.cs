namespace Kepu.Web.Features.Contests.Review;

/// <summary>What the anomaly check found about one vote.</summary>
/// <param name="Burst">Part of a burst of votes for the same entry from the same network.</param>
/// <param name="NewAccount">Cast by an account younger than the new-account age.</param>
/// <param name="Reason">Chinese explanation for the organisers; null when the vote is not flagged.</param>
public sealed record VoteFlag(long VoteId, bool Burst, bool NewAccount, string? Reason);
