namespace Kepu.Web.Features.Contests.Review;

/// <summary>An entry's normalised result.</summary>
/// <param name="MeanZ">Mean of its reviews' z.</param>
/// <param name="Scaled">70 + 10 × <paramref name="MeanZ"/>, rounded to 2 decimals (not clipped).</param>
/// <param name="RawMean">Mean of its raw totals, rounded to 2 decimals.</param>
/// <param name="Reviews">Number of reviews.</param>
/// <param name="HasOutlier">At least one of its reviews is an outlier.</param>
public sealed record EntryScore(int Entry, double MeanZ, double Scaled, decimal RawMean, int Reviews, bool HasOutlier);
