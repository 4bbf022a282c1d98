namespace Kepu.Web.Features.Contests.Review;

/// <summary>
/// Who may review what: the entries of a round, the reviewers of its panel, how many reviewers each entry needs, and the
/// final set of conflicts of interest (the caller derives them from organisations, declarations and co-authors).
/// </summary>
/// <param name="Entries">Entry ids, distinct. Their order decides which entry an impossibility message names first.</param>
/// <param name="Reviewers">Reviewer ids (user ids), distinct, compared ordinally.</param>
/// <param name="K">Reviewers per entry, at least 1.</param>
/// <param name="Conflicts">Pairs that must never be assigned. Pairs naming unknown entries or reviewers are ignored.</param>
/// <param name="Seed">Shuffles tie-breaking between equally balanced assignments; the same seed gives the same assignment.</param>
public sealed record AssignmentProblem(
    IReadOnlyList<int> Entries,
    IReadOnlyList<string> Reviewers,
    int K,
    IReadOnlySet<(int Entry, string Reviewer)> Conflicts,
    int Seed = 0);
