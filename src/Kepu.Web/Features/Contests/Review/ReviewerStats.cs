namespace Kepu.Web.Features.Contests.Review;

/// <summary>How a reviewer scored in the round.</summary>
/// <param name="Count">Number of scores given.</param>
/// <param name="Mean">Mean of the raw totals.</param>
/// <param name="StdDev">Population standard deviation of the raw totals (0 when all are equal).</param>
/// <param name="Harsh">Mean more than one panel SD below the panel mean (偏严); needs at least two scores.</param>
/// <param name="Lenient">Mean more than one panel SD above the panel mean (偏松); needs at least two scores.</param>
public sealed record ReviewerStats(string Reviewer, int Count, double Mean, double StdDev, bool Harsh, bool Lenient);
