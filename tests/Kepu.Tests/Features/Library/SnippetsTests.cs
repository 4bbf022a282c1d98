using Kepu.Web.Features.Library.Search;

namespace Kepu.Tests.Features.Library;

public sealed class SnippetsTests
{
    [Fact]
    public void MarksEveryTermAsWrittenInTheOriginal_TraditionalAndFullWidthIncluded()
    {
        // The index holds normalised terms; the text shows traditional characters and full-width letters.
        var snippet = Snippets.Make("接到自稱ＡＰＰ客服的電話，要警惕電信詐騙。", ["电信", "信诈", "诈骗", "app"]);

        Assert.Equal("接到自稱<mark>ＡＰＰ</mark>客服的電話，要警惕<mark>電信詐騙</mark>。", snippet);
    }

    [Fact]
    public void EscapesHtml_AndPicksTheWindowsWithMostTerms_InTextOrder()
    {
        var filler = new string('的', Snippets.FragmentLength);
        var text = "<b>高血压</b>" + filler + "高血压要按时服药，" + filler + "只有服药";

        var snippet = Snippets.Make(text, ["高血压", "服药"], fragments: 1)!;

        Assert.Contains("<mark>高血压</mark>要按时<mark>服药</mark>", snippet);
        Assert.DoesNotContain("<b>", snippet);
        Assert.Null(Snippets.Make(text, ["糖尿病"]));
        Assert.Contains("&lt;b&gt;<mark>高血压</mark>&lt;/b&gt;", Snippets.Make(text, ["高血压"], fragments: 1));
    }
}
