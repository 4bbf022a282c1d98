using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace Kepu.Web.Features.Library.Search;

/// <summary>Chinese words (SmartCn's HMM segmenter): precise matches, ranked first.</summary>
internal sealed class WordAnalyzer : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new HMMChineseTokenizer(reader);
        TokenStream stream = new LowerCaseFilter(SearchIndex.Version, tokenizer);
        stream = new StopFilter(SearchIndex.Version, stream, SmartChineseAnalyzer.DefaultStopSet);
        return new TokenStreamComponents(tokenizer, stream);
    }

    protected override TextReader InitReader(string fieldName, TextReader reader) => new NormalizingCharFilter(reader);
}

/// <summary>Overlapping character pairs: recall for words the segmenter splits differently.</summary>
internal sealed class BigramAnalyzer : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(SearchIndex.Version, reader);
        TokenStream stream = new CJKWidthFilter(tokenizer);
        stream = new LowerCaseFilter(SearchIndex.Version, stream);
        stream = new CJKBigramFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }

    protected override TextReader InitReader(string fieldName, TextReader reader) => new NormalizingCharFilter(reader);
}

internal static class Analyzers
{
    public static Analyzer Create()
    {
        var words = new WordAnalyzer();
        var bigrams = new BigramAnalyzer();
        return new PerFieldAnalyzerWrapper(words, new Dictionary<string, Analyzer>
        {
            [SearchFields.TitleBigrams] = bigrams,
            [SearchFields.SummaryBigrams] = bigrams,
            [SearchFields.BodyBigrams] = bigrams,
            [SearchFields.Id] = new KeywordAnalyzer(),
        });
    }
}

internal static class SearchFields
{
    public const string Id = "id";
    public const string Title = "title";
    public const string TitleBigrams = "title_bi";
    public const string Summary = "summary";
    public const string SummaryBigrams = "summary_bi";
    public const string Body = "body";
    public const string BodyBigrams = "body_bi";
    public const string Audience = "audience";
    public const string Topic = "topic";
    public const string Kind = "kind";
    public const string Target = "target";
    public const string Published = "published";
    public const string Elder = "elder";
}
