namespace Kepu.Web.Features.Contests.Review;

/// <summary>A score with its z-score within the reviewer's own scores.</summary>
/// <param name="Total">The raw total as given.</param>
/// <param name="Z">(total − reviewer mean) / reviewer population SD; 0 when the reviewer cannot discriminate (see <see cref="ScoreNormalisation"/>).</param>
/// <param name="Outlier">The z is far from the other reviewers' z on this entry (see <see cref="ScoreNormalisation"/>).</param>
public sealed record NormalisedReview(int Entry, string Reviewer, decimal Total, double Z, bool Outlier);
