namespace Kepu.Web.Features.Contests.Review;

/// <summary>Settings of <see cref="ScoreNormalisation.Normalise"/>.</summary>
/// <param name="OutlierThreshold">
/// A review is an outlier when its z differs by more than this from the mean z of the other reviews of the same entry
/// (which needs at least two other reviews). Must be positive.
/// </param>
public sealed record NormalisationOptions(double OutlierThreshold = 2.0);
