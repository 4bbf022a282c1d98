using Kepu.Web.Features.Debunk;
using Kepu.Web.Features.Debunk.Matching;

namespace Kepu.Tests.Features.Debunk;

public sealed class ClaimIndexTests
{
    private static readonly ClaimIndex Index = ClaimIndex.Build(
    [
        new IndexedClaim(1, "隔夜菜会致癌，千万不能吃", "rumor", ["剩菜放一夜就产生致癌物", "隔夜的菜吃了会得癌症"]),
        new IndexedClaim(2, "手机辐射会导致脑癌", "rumor", ["手机放枕边睡觉会得脑瘤"]),
        new IndexedClaim(3, "接种疫苗会导致儿童自闭症", "rumor", ["打疫苗让孩子得自闭症"]),
        new IndexedClaim(4, "发芽的土豆有毒不能吃", "true", ["土豆发芽了会中毒"]),
    ]);

    [Theory]
    [InlineData("隔夜菜会致癌，千万不能吃")]
    [InlineData("隔夜菜會致癌，千萬不能吃！！！")]                    // traditional characters
    [InlineData("【紧急扩散】😱隔夜菜会致癌 #健康# http://t.cn/A6xyz 千万不要吃")] // emoji, hashtag, link
    [InlineData("各位亲朋好友早上好！今天看到一条重要消息：医院主任说，剩菜剩饭放一夜就会产生致癌物，大家千万不要再吃隔夜菜了。转给家里的老人看看吧，为了家人健康！🙏🙏")]
    public void FindsTheClaim_InForwardedMessages(string text)
    {
        var hits = Index.Search(text, 3);

        Assert.Equal(1, hits[0].Entry.Id);
        Assert.True(hits[0].Score >= DebunkMatcher.AnswerAt, $"score {hits[0].Score}");
    }

    [Fact]
    public void FullWidthLetters_AndDigits_AreFolded()
    {
        Assert.Equal("app 123", ClaimText.Normalize("ＡＰＰ　１２３").Trim());
    }

    [Theory]
    [InlineData("今天菜市场的白菜两块钱一斤，土豆一块五。")]
    [InlineData("明天上午九点社区医院打流感疫苗，记得带医保卡。")]
    [InlineData("周末一起去南山看看风景吧")]
    public void UnrelatedTexts_ScoreLow(string text)
    {
        var hits = Index.Search(text, 3);

        Assert.True(hits.Count == 0 || hits[0].Score < 0.3, hits.Count == 0 ? "" : $"{hits[0].Entry.Claim} {hits[0].Score}");
    }

    [Fact]
    public void EmptyIndex_AndEmptyText_FindNothing()
    {
        Assert.Empty(ClaimIndex.Empty.Search("隔夜菜", 5));
        Assert.Empty(Index.Search("  \n ", 5));
    }
}
