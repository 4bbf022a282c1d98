using Kepu.Web.Features.Contests.Review;
using Kepu.Web.Infrastructure.Errors;

namespace Kepu.Tests.Features.Contests;

public sealed class VoteWeightingTests
{
    private static readonly (int Entry, double ReviewScaled)[] Review = [(1, 80), (2, 70), (3, 60)];

    [Fact]
    public void Combine_WeighsReviewAgainstVotesRelativeToTheMostVoted()
    {
        // Vote scores: entry 2 has the most (200) → 100; entry 1 50/200 → 25; entry 3 none → 0. Entry 9 is not in the review.
        var votes = new Dictionary<int, int> { [1] = 50, [2] = 200, [9] = 1000 };

        var combined = VoteWeighting.Combine(Review, votes, 0.3);

        Assert.Equal([1, 2, 3], combined.Select(c => c.Entry));
        Assert.Equal(0.7 * 80 + 0.3 * 25, combined[0].Combined, 10); // 63.5
        Assert.Equal(0.7 * 70 + 0.3 * 100, combined[1].Combined, 10); // 79
        Assert.Equal(0.7 * 60, combined[2].Combined, 10);             // 42
    }

    [Fact]
    public void Combine_WithoutVotesOrWeight()
    {
        Assert.Equal([40.0, 35.0, 30.0], VoteWeighting.Combine(Review, new Dictionary<int, int>(), 0.5).Select(c => c.Combined));
        Assert.Equal([80.0, 70.0, 60.0], VoteWeighting.Combine(Review, new Dictionary<int, int> { [3] = 10 }, 0).Select(c => c.Combined));
        Assert.Empty(VoteWeighting.Combine([], new Dictionary<int, int>(), 0.2));
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(0.51)]
    [InlineData(double.NaN)]
    public void Combine_RejectsWeightsOutsideZeroToHalf(double weight)
    {
        var error = Assert.Throws<BusinessRuleException>(() => VoteWeighting.Combine(Review, new Dictionary<int, int>(), weight));
        Assert.Equal("大众投票的权重必须在 0 到 0.5 之间。", error.Message);
    }
}
