namespace Kepu.Web.Features.Contests.Review;

/// <summary>The result of <see cref="ScoreNormalisation.Normalise"/>.</summary>
/// <param name="Reviews">Every score, in input order.</param>
/// <param name="Reviewers">One row per reviewer, ordered by reviewer id (ordinal).</param>
/// <param name="Entries">One row per entry, ordered by entry id.</param>
public sealed record NormalisedRound(IReadOnlyList<NormalisedReview> Reviews, IReadOnlyList<ReviewerStats> Reviewers, IReadOnlyList<EntryScore> Entries);
