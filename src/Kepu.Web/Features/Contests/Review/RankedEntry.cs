namespace Kepu.Web.Features.Contests.Review;

/// <summary>An entry's place in the ranking.</summary>
/// <param name="Rank">1-based position; every entry has its own rank (ties are always broken).</param>
/// <param name="Score">The score as given.</param>
/// <param name="TieBreak">
/// Null unless the entry tied on score with a neighbour; then which rule decided, in Chinese, e.g.
/// "与作品 7 同分，按原始平均分在前".
/// </param>
public sealed record RankedEntry(int Entry, int Rank, double Score, string? TieBreak);
