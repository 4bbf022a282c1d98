using Kepu.Web.Infrastructure.Errors;

namespace Kepu.Web.Features.Contests.Review;

/// <summary>
/// No assignment gives every entry K reviewers without a conflict of interest: <paramref name="entry"/> (the first such
/// entry in the problem's order) has only <paramref name="available"/> reviewers it does not conflict with.
/// A business rule error (HTTP 409) with a Chinese message.
/// </summary>
public sealed class AssignmentImpossibleException(int entry, int available, int required)
    : BusinessRuleException($"作品 {entry} 只有 {available} 位没有利益冲突的评审，每件作品需要 {required} 位。")
{
    /// <summary>The first entry that cannot be covered.</summary>
    public int Entry { get; } = entry;

    /// <summary>How many reviewers that entry does not conflict with.</summary>
    public int Available { get; } = available;

    /// <summary>Reviewers needed per entry (K).</summary>
    public int Required { get; } = required;
}
