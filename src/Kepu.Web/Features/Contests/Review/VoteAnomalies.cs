using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Kepu.Web.Infrastructure.Errors;

namespace Kepu.Web.Features.Contests.Review;

/// <summary>
/// Flags suspicious public votes (异常投票) for the organisers to review; nothing is voided automatically.
/// <list type="bullet">
/// <item><b>Burst</b> (集中投票): the vote is one of at least <see cref="VoteAnomalyOptions.BurstCount"/> votes for the
/// <em>same entry</em> from the <em>same network</em> (IPv4 /24 or IPv6 /64, see <see cref="NetworkOf"/>) whose times lie
/// within one window of length <see cref="VoteAnomalyOptions.BurstWindow"/> (sliding, both ends included: the first and
/// last vote are at most the window apart). Every vote of such a group is flagged.</item>
/// <item><b>New account</b> (新注册账号): the account was created less than <see cref="VoteAnomalyOptions.NewAccountAge"/>
/// before the vote.</item>
/// </list>
/// </summary>
public static class VoteAnomalies
{
    /// <summary>One flag per vote, in input order (unflagged votes have both flags false and no reason).</summary>
    /// <exception cref="BusinessRuleException">BurstCount below 2, or a negative window or age.</exception>
    public static IReadOnlyList<VoteFlag> Flag(IReadOnlyList<VoteRecord> votes, VoteAnomalyOptions options)
    {
        ArgumentNullException.ThrowIfNull(votes);
        ArgumentNullException.ThrowIfNull(options);
        if (options.BurstCount < 2)
        {
            throw new BusinessRuleException("集中投票的判定票数至少为 2。");
        }

        if (options.BurstWindow < TimeSpan.Zero || options.NewAccountAge < TimeSpan.Zero)
        {
            throw new BusinessRuleException("时间窗口和新账号期限不能为负。");
        }

        var window = options.EffectiveBurstWindow;
        var age = options.EffectiveNewAccountAge;
        var burst = new bool[votes.Count];
        foreach (var group in Enumerable.Range(0, votes.Count).GroupBy(i => (votes[i].Entry, votes[i].Network)))
        {
            var sorted = group.OrderBy(i => votes[i].At).ToList();
            // A window holding a vote can slide right until it starts at a vote, so windows starting at each vote suffice.
            // end = one past the last vote within the window starting at vote 'start'; mark [start, end) when big enough.
            var markedUpTo = 0;
            var end = 0;
            for (var start = 0; start < sorted.Count; start++)
            {
                end = Math.Max(end, start);
                while (end < sorted.Count && votes[sorted[end]].At - votes[sorted[start]].At <= window)
                {
                    end++;
                }

                if (end - start >= options.BurstCount)
                {
                    for (var m = Math.Max(markedUpTo, start); m < end; m++)
                    {
                        burst[sorted[m]] = true;
                    }

                    markedUpTo = Math.Max(markedUpTo, end);
                }
            }
        }

        var flags = new List<VoteFlag>(votes.Count);
        for (var i = 0; i < votes.Count; i++)
        {
            var v = votes[i];
            var isNew = v.At - v.AccountCreatedAt < age;
            var reasons = new List<string>(2);
            if (burst[i])
            {
                reasons.Add(string.Create(CultureInfo.InvariantCulture,
                    $"同一网段 {v.Network} 在 {Describe(window)}内为该作品投了至少 {options.BurstCount} 票"));
            }

            if (isNew)
            {
                reasons.Add(string.Create(CultureInfo.InvariantCulture, $"投票时账号注册不足 {Describe(age)}"));
            }

            flags.Add(new VoteFlag(v.Id, burst[i], isNew, reasons.Count == 0 ? null : string.Join("；", reasons)));
        }

        return flags;
    }

    /// <summary>
    /// The network an address belongs to, as text: IPv4 "a.b.c.0/24"; IPv6 the first 64 bits in the usual compressed form
    /// plus "/64" (e.g. "2001:db8:1:2::/64"). IPv4-mapped IPv6 addresses (::ffff:a.b.c.d) count as IPv4.
    /// </summary>
    /// <exception cref="ArgumentException">Not an IPv4 or IPv6 address.</exception>
    public static string NetworkOf(IPAddress ip)
    {
        ArgumentNullException.ThrowIfNull(ip);
        if (ip.IsIPv4MappedToIPv6)
        {
            ip = ip.MapToIPv4();
        }

        var bytes = ip.GetAddressBytes();
        switch (ip.AddressFamily)
        {
            case AddressFamily.InterNetwork:
                bytes[3] = 0;
                return new IPAddress(bytes) + "/24";
            case AddressFamily.InterNetworkV6:
                Array.Clear(bytes, 8, 8);
                return new IPAddress(bytes) + "/64";
            default:
                throw new ArgumentException("Not an IPv4 or IPv6 address.", nameof(ip));
        }
    }

    /// <summary>A span in Chinese words: whole days, hours or minutes when it is one, seconds otherwise.</summary>
    private static string Describe(TimeSpan span) => span switch
    {
        { Ticks: var t } when t % TimeSpan.TicksPerDay == 0 => string.Create(CultureInfo.InvariantCulture, $"{span.Days} 天"),
        { Ticks: var t } when t % TimeSpan.TicksPerHour == 0 => string.Create(CultureInfo.InvariantCulture, $"{(long)span.TotalHours} 小时"),
        { Ticks: var t } when t % TimeSpan.TicksPerMinute == 0 => string.Create(CultureInfo.InvariantCulture, $"{(long)span.TotalMinutes} 分钟"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.###} 秒"),
    };
}
