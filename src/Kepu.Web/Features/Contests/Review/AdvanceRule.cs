namespace Kepu.Web.Features.Contests.Review;

/// <summary>Who advances to the next round (晋级规则): the top N by rank, all with a score at or above a threshold, or both.</summary>
/// <param name="TopN">Entries ranked 1..TopN advance; at least 1 when set.</param>
/// <param name="Threshold">Entries whose score (rounded to 4 decimals) is at least this advance.</param>
public sealed record AdvanceRule(int? TopN, double? Threshold);
