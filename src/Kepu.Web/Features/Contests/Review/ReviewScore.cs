namespace Kepu.Web.Features.Contests.Review;

/// <summary>One reviewer's score for one entry.</summary>
/// <param name="Total">The weighted rubric total on a 0–100 scale.</param>
public sealed record ReviewScore(int Entry, string Reviewer, decimal Total);
