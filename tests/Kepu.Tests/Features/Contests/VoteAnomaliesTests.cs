using System.Net;
using Kepu.Web.Features.Contests.Review;
using Kepu.Web.Infrastructure.Errors;

namespace Kepu.Tests.Features.Contests;

public sealed class VoteAnomaliesTests
{
    private static readonly DateTime Start = new(2026, 6, 1, 12, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime OldAccount = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly VoteAnomalyOptions Defaults = new();

    private static VoteRecord Vote(long id, double minutes, int entry = 1, string network = "203.0.113.0/24", DateTime? created = null) =>
        new(id, entry, $"user-{id}", Start.AddMinutes(minutes), network, created ?? OldAccount);

    [Fact]
    public void TenVotesWithinTenMinutes_FromOneNetwork_ForOneEntry_AreABurst()
    {
        // Ten votes at minutes 0..9 and one at 10 (still within ten minutes of minute 0 and of all later ones), one at 25.
        var votes = Enumerable.Range(0, 11).Select(i => Vote(i, i)).Append(Vote(99, 25)).ToList();

        var flags = VoteAnomalies.Flag(votes, Defaults);

        Assert.Equal(votes.Select(v => v.Id), flags.Select(f => f.VoteId));
        Assert.All(flags.Take(11), f => Assert.True(f.Burst));
        Assert.False(flags[^1].Burst);
        Assert.Equal("同一网段 203.0.113.0/24 在 10 分钟内为该作品投了至少 10 票", flags[0].Reason);
        Assert.Null(flags[^1].Reason);
        Assert.All(flags, f => Assert.False(f.NewAccount));
    }

    [Fact]
    public void NineVotes_OrVotesSpreadOverMoreThanTheWindow_OrAcrossEntriesAndNetworks_AreNot()
    {
        var nine = Enumerable.Range(0, 9).Select(i => Vote(i, i)).ToList();
        Assert.DoesNotContain(VoteAnomalies.Flag(nine, Defaults), f => f.Burst);

        var spread = Enumerable.Range(0, 10).Select(i => Vote(i, i * 1.2)).ToList(); // first to last: 10.8 minutes
        Assert.DoesNotContain(VoteAnomalies.Flag(spread, Defaults), f => f.Burst);

        var mixed = Enumerable.Range(0, 12).Select(i => Vote(i, i * 0.5, entry: 1 + (i % 2), network: i < 6 ? "a" : "b")).ToList();
        Assert.DoesNotContain(VoteAnomalies.Flag(mixed, Defaults), f => f.Burst);
    }

    [Fact]
    public void Window_Slides_OnlyTheVotesInsideABusyWindowAreFlagged()
    {
        // Minutes 0, 20, 21, 22, 23 and 40 with BurstCount 4 and a 5-minute window: only 20–23 form a burst.
        var votes = new[] { 0, 20, 21, 22, 23, 40 }.Select((m, i) => Vote(i, m)).ToList();
        var options = new VoteAnomalyOptions(4, TimeSpan.FromMinutes(5));

        var flags = VoteAnomalies.Flag(votes, options);

        Assert.Equal([false, true, true, true, true, false], flags.Select(f => f.Burst));
        Assert.Equal("同一网段 203.0.113.0/24 在 5 分钟内为该作品投了至少 4 票", flags[1].Reason);
    }

    [Fact]
    public void RandomVotes_MatchTheDefinitionCheckedPairByPair()
    {
        var random = new Random(17);
        for (var instance = 0; instance < 60; instance++)
        {
            var count = random.Next(3, 6);
            var window = TimeSpan.FromMinutes(random.Next(1, 8));
            var votes = Enumerable.Range(0, random.Next(0, 80))
                .Select(i => Vote(i, random.Next(0, 60), entry: random.Next(1, 3), network: random.Next(2) == 0 ? "a" : "b"))
                .OrderBy(_ => random.Next()).ToList();

            var flags = VoteAnomalies.Flag(votes, new VoteAnomalyOptions(count, window));

            for (var i = 0; i < votes.Count; i++)
            {
                var v = votes[i];
                var same = votes.Where(u => u.Entry == v.Entry && u.Network == v.Network).ToList();
                // Some window [s, s + window] with s at a vote's time holds v and at least 'count' votes.
                var expected = same.Any(s => s.At <= v.At && v.At - s.At <= window
                    && same.Count(u => u.At >= s.At && u.At - s.At <= window) >= count);
                Assert.Equal(expected, flags[i].Burst);
            }
        }
    }

    [Fact]
    public void NewAccount_IsYoungerThanTheAgeAtTheTimeOfTheVote()
    {
        var votes = new[]
        {
            Vote(1, 0, created: Start.AddDays(-7).AddMinutes(1)),  // 6 days 23 h 59 min old
            Vote(2, 0, created: Start.AddDays(-7)),               // exactly 7 days: not new
            Vote(3, 0, created: Start.AddDays(-2)),
        };

        var flags = VoteAnomalies.Flag(votes, Defaults);

        Assert.Equal([true, false, true], flags.Select(f => f.NewAccount));
        Assert.Equal("投票时账号注册不足 7 天", flags[0].Reason);
        Assert.Null(flags[1].Reason);
        Assert.Equal([false, false, false], VoteAnomalies.Flag(votes, new VoteAnomalyOptions(NewAccountAge: TimeSpan.FromDays(1))).Select(f => f.NewAccount));

        var both = VoteAnomalies.Flag([.. Enumerable.Range(0, 3).Select(i => Vote(i, i, created: Start.AddHours(-1)))], new VoteAnomalyOptions(3));
        Assert.Equal("同一网段 203.0.113.0/24 在 10 分钟内为该作品投了至少 3 票；投票时账号注册不足 7 天", both[0].Reason);
    }

    [Fact]
    public void Options_AreChecked()
    {
        Assert.Throws<BusinessRuleException>(() => VoteAnomalies.Flag([], new VoteAnomalyOptions(1)));
        Assert.Throws<BusinessRuleException>(() => VoteAnomalies.Flag([], new VoteAnomalyOptions(BurstWindow: TimeSpan.FromMinutes(-1))));
        Assert.Equal(TimeSpan.FromMinutes(10), Defaults.EffectiveBurstWindow);
        Assert.Equal(TimeSpan.FromDays(7), Defaults.EffectiveNewAccountAge);
    }

    [Theory]
    [InlineData("203.0.113.77", "203.0.113.0/24")]
    [InlineData("::ffff:203.0.113.77", "203.0.113.0/24")]
    [InlineData("2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64")]
    [InlineData("2409:8a62:abcd:ef01::1", "2409:8a62:abcd:ef01::/64")]
    [InlineData("fe80::1", "fe80::/64")]
    public void NetworkOf_GivesTheSlash24OrSlash64(string address, string expected)
    {
        Assert.Equal(expected, VoteAnomalies.NetworkOf(IPAddress.Parse(address)));
    }
}
