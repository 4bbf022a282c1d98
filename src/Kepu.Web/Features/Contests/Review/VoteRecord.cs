namespace Kepu.Web.Features.Contests.Review;

/// <summary>One public vote as the anomaly check sees it.</summary>
/// <param name="At">When the vote was cast (UTC).</param>
/// <param name="Network">The voter's network: an IPv4 /24 or IPv6 /64 prefix, as made by <see cref="VoteAnomalies.NetworkOf"/>.</param>
/// <param name="AccountCreatedAt">When the voter's account was created (UTC).</param>
public sealed record VoteRecord(long Id, int Entry, string UserId, DateTime At, string Network, DateTime AccountCreatedAt);
