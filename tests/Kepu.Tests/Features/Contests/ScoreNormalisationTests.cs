using Kepu.Web.Features.Contests.Review;
using Kepu.Web.Infrastructure.Errors;

namespace Kepu.Tests.Features.Contests;

/// <summary>Score normalisation: a round worked out by hand, and the invariances z-scores must have on random rounds.</summary>
public sealed class ScoreNormalisationTests
{
    /// <summary>
    /// Three reviewers, four entries (C reviews only entries 2 and 4):
    /// <code>
    ///          E1   E2   E3   E4  | mean  population SD
    ///   A      76   82   68   74  |  75   √((1+49+49+1)/4)       = √25  = 5
    ///   B      64   36   52   48  |  50   √((196+196+4+4)/4)     = √100 = 10
    ///   C       –   90    –   80  |  85   √((25+25)/2)           = √25  = 5
    /// z:
    ///   A   (76−75)/5 = 0.2   (82−75)/5 = 1.4   (68−75)/5 = −1.4   (74−75)/5 = −0.2
    ///   B   (64−50)/10 = 1.4  (36−50)/10 = −1.4 (52−50)/10 = 0.2   (48−50)/10 = −0.2
    ///   C                     (90−85)/5 = 1                        (80−85)/5 = −1
    /// MeanZ / Scaled = 70 + 10·MeanZ / RawMean:
    ///   E1 (0.2+1.4)/2 = 0.8          → 78.00   (76+64)/2 = 70
    ///   E2 (1.4−1.4+1)/3 = 0.3333…    → 73.33   (82+36+90)/3 = 69.333… → 69.33
    ///   E3 (−1.4+0.2)/2 = −0.6        → 64.00   (68+52)/2 = 60
    ///   E4 (−0.2−0.2−1)/3 = −0.4666…  → 65.33   (74+48+80)/3 = 67.333… → 67.33
    /// Outliers (threshold 2, only E2 and E4 have ≥ 2 other reviews):
    ///   E2: A 1.4 vs mean(−1.4, 1) = −0.2 → 1.6;  B −1.4 vs mean(1.4, 1) = 1.2 → 2.6 > 2 OUTLIER;  C 1 vs mean(1.4, −1.4) = 0 → 1
    ///   E4: A −0.2 vs mean(−0.2, −1) = −0.6 → 0.4;  B the same → 0.4;  C −1 vs −0.2 → 0.8
    /// Panel: 10 totals, sum 300 + 200 + 170 = 670, mean 67;
    ///   squared deviations A 81+225+1+49 = 356, B 9+961+225+361 = 1556, C 529+169 = 698; (356+1556+698)/10 = 261, SD = √261 ≈ 16.155
    ///   harsh below 67 − 16.155 = 50.845: B (50) is harsh; lenient above 83.155: C (85) is lenient; A (75) neither.
    /// </code>
    /// </summary>
    [Fact]
    public void HandComputedRound()
    {
        ReviewScore[] scores =
        [
            new(1, "A", 76), new(2, "A", 82), new(3, "A", 68), new(4, "A", 74),
            new(1, "B", 64), new(2, "B", 36), new(3, "B", 52), new(4, "B", 48),
            new(2, "C", 90), new(4, "C", 80),
        ];

        var round = ScoreNormalisation.Normalise(scores);

        double[] expectedZ = [0.2, 1.4, -1.4, -0.2, 1.4, -1.4, 0.2, -0.2, 1, -1];
        Assert.Equal(scores.Length, round.Reviews.Count);
        for (var i = 0; i < scores.Length; i++)
        {
            Assert.Equal(scores[i].Entry, round.Reviews[i].Entry);
            Assert.Equal(expectedZ[i], round.Reviews[i].Z, 12);
        }

        Assert.Equal([(2, "B")], round.Reviews.Where(r => r.Outlier).Select(r => (r.Entry, r.Reviewer)));

        Assert.Equal([1, 2, 3, 4], round.Entries.Select(e => e.Entry));
        Assert.Equal([0.8, 1 / 3.0, -0.6, -1.4 / 3], round.Entries.Select(e => e.MeanZ), (a, b) => Math.Abs(a - b) < 1e-12);
        Assert.Equal([78.00, 73.33, 64.00, 65.33], round.Entries.Select(e => e.Scaled));
        Assert.Equal([70m, 69.33m, 60m, 67.33m], round.Entries.Select(e => e.RawMean));
        Assert.Equal([2, 3, 2, 3], round.Entries.Select(e => e.Reviews));
        Assert.Equal([false, true, false, false], round.Entries.Select(e => e.HasOutlier));

        Assert.Equal(["A", "B", "C"], round.Reviewers.Select(r => r.Reviewer));
        Assert.Equal([4, 4, 2], round.Reviewers.Select(r => r.Count));
        Assert.Equal([75.0, 50.0, 85.0], round.Reviewers.Select(r => r.Mean));
        Assert.Equal([5.0, 10.0, 5.0], round.Reviewers.Select(r => r.StdDev));
        Assert.Equal([false, true, false], round.Reviewers.Select(r => r.Harsh));
        Assert.Equal([false, false, true], round.Reviewers.Select(r => r.Lenient));
    }

    [Fact]
    public void ReviewerWhoCannotDiscriminate_GetsZeroEverywhere()
    {
        var round = ScoreNormalisation.Normalise(
        [
            new(1, "same", 80), new(2, "same", 80), new(3, "same", 80), // SD = 0
            new(1, "once", 95), // a single score
            new(1, "real", 60), new(2, "real", 70),
        ]);

        Assert.All(round.Reviews.Where(r => r.Reviewer is "same" or "once"), r => Assert.Equal(0, r.Z));
        Assert.Equal([-1.0, 1.0], round.Reviews.Where(r => r.Reviewer == "real").Select(r => r.Z));
        var once = round.Reviewers.Single(r => r.Reviewer == "once");
        Assert.False(once.Harsh || once.Lenient); // one score never marks a reviewer, however far from the panel
        Assert.Equal(0, round.Reviewers.Single(r => r.Reviewer == "same").StdDev);
    }

    [Fact]
    public void Outlier_NeedsTwoOtherReviews_AndFollowsTheThreshold()
    {
        // Entry 1 has two reviews with opposite extreme z: with nobody else to compare, neither is flagged.
        ReviewScore[] pair = [new(1, "A", 100), new(2, "A", 0), new(1, "B", 0), new(2, "B", 100)];
        Assert.DoesNotContain(ScoreNormalisation.Normalise(pair).Reviews, r => r.Outlier);

        // Entry 1 with three reviews: z = 1, 1, −1 → the third is 2 away from the others' mean 1.
        ReviewScore[] three = [.. pair.Take(2), new(1, "B", 100), new(2, "B", 0), new(1, "C", 0), new(2, "C", 100)];
        Assert.DoesNotContain(ScoreNormalisation.Normalise(three).Reviews, r => r.Outlier); // 2 is not more than 2
        var strict = ScoreNormalisation.Normalise(three, new NormalisationOptions(1.5));
        Assert.Equal([(1, "C"), (2, "C")], strict.Reviews.Where(r => r.Outlier).Select(r => (r.Entry, r.Reviewer)));
        Assert.True(strict.Entries.All(e => e.HasOutlier));

        Assert.Throws<BusinessRuleException>(() => ScoreNormalisation.Normalise(pair, new NormalisationOptions(0)));
        Assert.Throws<ArgumentException>(() => ScoreNormalisation.Normalise([new(1, "A", 1), new(1, "A", 2)]));
    }

    [Fact]
    public void EmptyRound_IsEmpty()
    {
        var round = ScoreNormalisation.Normalise([]);
        Assert.Empty(round.Reviews);
        Assert.Empty(round.Reviewers);
        Assert.Empty(round.Entries);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void RandomRounds_ZIsStandardised_AndIgnoresEachReviewersScale(int seed)
    {
        var random = new Random(seed);
        for (var instance = 0; instance < 40; instance++)
        {
            var scores = RandomRound(random);
            var round = ScoreNormalisation.Normalise(scores);

            foreach (var group in round.Reviews.GroupBy(r => r.Reviewer))
            {
                var z = group.Select(r => r.Z).ToList();
                if (group.Select(r => r.Total).Distinct().Count() > 1)
                {
                    Assert.Equal(0, z.Average(), 9);
                    Assert.Equal(1, Math.Sqrt(z.Average(v => v * v)), 9);
                }
                else
                {
                    Assert.All(z, v => Assert.Equal(0, v));
                }
            }

            foreach (var entry in round.Entries)
            {
                var z = round.Reviews.Where(r => r.Entry == entry.Entry).Select(r => r.Z).ToList();
                Assert.Equal(z.Average(), entry.MeanZ, 12);
                Assert.Equal(Math.Round(70 + 10 * entry.MeanZ, 2), entry.Scaled, 9);
            }

            // Shift one reviewer by a constant and stretch another by a positive factor: no z moves, so no entry moves.
            var reviewers = scores.Select(s => s.Reviewer).Distinct().ToList();
            var shifted = reviewers[random.Next(reviewers.Count)];
            var stretched = reviewers[random.Next(reviewers.Count)];
            var shift = random.Next(-30, 31) + 0.5m;
            var factor = random.Next(1, 40) / 8m;
            var changed = scores.Select(s => s with
            {
                Total = (s.Reviewer == shifted ? s.Total + shift : s.Total) * (s.Reviewer == stretched ? factor : 1),
            }).ToList();
            var again = ScoreNormalisation.Normalise(changed);
            for (var i = 0; i < scores.Count; i++)
            {
                Assert.Equal(round.Reviews[i].Z, again.Reviews[i].Z, 9);
                Assert.Equal(round.Reviews[i].Outlier, again.Reviews[i].Outlier);
            }

            Assert.Equal(round.Entries.Select(e => e.MeanZ), again.Entries.Select(e => e.MeanZ), (a, b) => Math.Abs(a - b) < 1e-9);
        }
    }

    [Fact]
    public void ChangingOneScore_MovesThatReviewersZ()
    {
        // Guards the invariance test against a z that ignores the totals altogether.
        ReviewScore[] scores = [new(1, "A", 60), new(2, "A", 70), new(3, "A", 80)];
        var before = ScoreNormalisation.Normalise(scores);
        var after = ScoreNormalisation.Normalise([scores[0], scores[1], scores[2] with { Total = 95 }]);
        Assert.NotEqual(before.Reviews[0].Z, after.Reviews[0].Z, 6);
        Assert.True(after.Entries[2].Scaled > before.Entries[2].Scaled);
    }

    private static List<ReviewScore> RandomRound(Random random)
    {
        var entries = Enumerable.Range(1, random.Next(3, 31)).ToList();
        var reviewers = Enumerable.Range(1, random.Next(2, 9)).Select(i => $"r{i}").ToList();
        var scores = new List<ReviewScore>();
        foreach (var r in reviewers)
        {
            var bias = random.Next(-20, 21);
            foreach (var e in entries.Where(_ => random.NextDouble() < 0.6))
            {
                var total = Math.Clamp(60 + bias + random.Next(-300, 301) / 10m, 0, 100);
                scores.Add(new ReviewScore(e, r, random.Next(12) == 0 ? 75 : total));
            }
        }

        return [.. scores.OrderBy(_ => random.Next())];
    }
}
