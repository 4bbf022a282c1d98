namespace Kepu.Web.Features.Contests.Review;

/// <summary>Settings of <see cref="VoteAnomalies.Flag"/>. A zero (default) window or age means the default.</summary>
/// <param name="BurstCount">Votes for one entry from one network within the window that make a burst; at least 2.</param>
/// <param name="BurstWindow">The sliding window; default (zero) means 10 minutes.</param>
/// <param name="NewAccountAge">Accounts younger than this at the time of the vote are new; default (zero) means 7 days.</param>
public sealed record VoteAnomalyOptions(int BurstCount = 10, TimeSpan BurstWindow = default, TimeSpan NewAccountAge = default)
{
    /// <summary>The burst window in force: <see cref="BurstWindow"/>, or 10 minutes when it is zero.</summary>
    public TimeSpan EffectiveBurstWindow => BurstWindow == TimeSpan.Zero ? TimeSpan.FromMinutes(10) : BurstWindow;

    /// <summary>The new-account age in force: <see cref="NewAccountAge"/>, or 7 days when it is zero.</summary>
    public TimeSpan EffectiveNewAccountAge => NewAccountAge == TimeSpan.Zero ? TimeSpan.FromDays(7) : NewAccountAge;
}
