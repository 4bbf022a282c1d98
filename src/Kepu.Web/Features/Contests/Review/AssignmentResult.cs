namespace Kepu.Web.Features.Contests.Review;

/// <summary>An assignment found by <see cref="ReviewAssignment.Assign"/>.</summary>
/// <param name="ReviewersByEntry">Every entry of the problem, with its K reviewers in the order of the problem's reviewer list.</param>
/// <param name="Loads">Every reviewer of the problem (including those who got nothing) and how many entries they review.</param>
public sealed record AssignmentResult(
    IReadOnlyDictionary<int, IReadOnlyList<string>> ReviewersByEntry,
    IReadOnlyDictionary<string, int> Loads)
{
    /// <summary>The largest load (0 when there are no reviewers).</summary>
    public int MaxLoad => Loads.Count == 0 ? 0 : Loads.Values.Max();

    /// <summary>The smallest load (0 when there are no reviewers).</summary>
    public int MinLoad => Loads.Count == 0 ? 0 : Loads.Values.Min();
}
