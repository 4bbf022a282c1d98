using Kepu.Web.Features.Debunk.Entities;

namespace Kepu.Tests.Features.Debunk;

public sealed class ClaimClusterTests
{
    private static readonly DateTime Start = new(2026, 11, 20, 8, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Rising_NeedsFiveInADay_AndTwiceTheDayBefore()
    {
        var cluster = new ClaimCluster("吃某某能治百病", null, Start);
        for (var i = 1; i < 4; i++)
        {
            cluster.Add(null, Start.AddHours(i));
        }

        Assert.False(cluster.IsRising(Start.AddHours(5)));
        cluster.Add(null, Start.AddHours(5));
        Assert.True(cluster.IsRising(Start.AddHours(6)));

        // The next day has as many as the first: not rising.
        for (var i = 0; i < 5; i++)
        {
            cluster.Add(null, Start.AddDays(1).AddHours(i + 1));
        }

        Assert.False(cluster.IsRising(Start.AddDays(1).AddHours(8)));
    }

    [Fact]
    public void ACluster_ThatWentQuiet_IsNotRisingAnyMore()
    {
        var cluster = new ClaimCluster("吃某某能治百病", "500101", Start);
        for (var i = 1; i < 8; i++)
        {
            cluster.Add("500242", Start.AddMinutes(i));
        }

        Assert.True(cluster.IsRising(Start.AddHours(12)));
        Assert.False(cluster.IsRising(Start.AddDays(1).AddHours(1)));
        Assert.Equal(8, cluster.Count);
        Assert.Equal(["500101", "500242"], cluster.Districts);
    }
}
