namespace Kepu.Web.Features.Contests.Review;

/// <summary>An entry to rank.</summary>
/// <param name="Score">The score that ranks (e.g. <see cref="EntryScore.Scaled"/> or a vote-weighted combination).</param>
/// <param name="RawMean">Mean raw total: the first tie-breaker.</param>
/// <param name="BestCriterionMean">Mean score on the rubric's highest-weight criterion: the second tie-breaker.</param>
/// <param name="SubmittedAt">When the entry was submitted: earlier wins the third tie-break.</param>
public sealed record RankInput(int Entry, double Score, decimal RawMean, decimal BestCriterionMean, DateTime SubmittedAt);
