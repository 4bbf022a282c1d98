using System.Globalization;
using Kepu.Web.Infrastructure.Data;
using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Kepu.Web.Features.Library.Search;

/// <summary>What the index holds of a published item.</summary>
public sealed record SearchDocument(
    int Id, string Kind, string Title, string Summary, string Text, IReadOnlyList<string> Audiences, IReadOnlyList<string> Topics,
    IReadOnlyList<string> Targets, DateTime PublishedAt, bool ElderFriendly);

public sealed record SearchQuery(string? Text, string? Audience, string? Topic, string? Kind, IReadOnlyList<string>? Targets, bool ByDate, int Page, int PageSize);

public sealed record SearchHit(int Id, string Kind, string Title, string Summary, string Snippet, DateTime PublishedAt, float Score);

public sealed record SearchResult(IReadOnlyList<SearchHit> Items, int Total);

/// <summary>
/// The Lucene index of published items under <c>Data:Directory/index/content</c>. It is a projection:
/// <see cref="SearchProjector"/> keeps it current from the outbox, and the <c>reindex</c> command rebuilds it.
/// One writer per process; searches use near-real-time readers.
/// </summary>
public sealed class SearchIndex : IDisposable
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private const int MaxQueryLength = 200;

    private readonly LuceneDirectory _directory;
    private readonly Analyzer _analyzer = Analyzers.Create();
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly System.Threading.Lock _writeLock = new();

    // Results of the current searcher: popular queries repeat (see 需求感知), and a new searcher (after any index
    // change) starts an empty cache, so a result is never older than the index.
    private const int MaxCachedResults = 2000;
    private ResultCache _results = new(null);

    private readonly record struct ResultKey(string Text, string? Audience, string? Topic, string? Kind, string? Targets, bool ByDate, int Page, int Size);

    private sealed class ResultCache(IndexSearcher? searcher)
    {
        public IndexSearcher? Searcher { get; } = searcher;
        public System.Collections.Concurrent.ConcurrentDictionary<ResultKey, SearchResult> Entries { get; } = new();
    }

    public SearchIndex(DataOptions options)
    {
        Folder = Path.Combine(options.DataDirectory, "index", "content");
        System.IO.Directory.CreateDirectory(Folder);
        _directory = FSDirectory.Open(Folder);
        _writer = new IndexWriter(_directory, new IndexWriterConfig(Version, _analyzer) { OpenMode = OpenMode.CREATE_OR_APPEND });
        _searchers = new SearcherManager(_writer, applyAllDeletes: true, searcherFactory: null);
    }

    public string Folder { get; }

    public void Upsert(SearchDocument doc)
    {
        lock (_writeLock)
        {
            _writer.UpdateDocument(new Term(SearchFields.Id, Key(doc.Id)), ToDocument(doc));
        }
    }

    public void Delete(int id)
    {
        lock (_writeLock)
        {
            _writer.DeleteDocuments(new Term(SearchFields.Id, Key(id)));
        }
    }

    public void DeleteAll()
    {
        lock (_writeLock)
        {
            _writer.DeleteAll();
        }
    }

    /// <summary>Makes the changes durable and visible to searches.</summary>
    public void Commit()
    {
        lock (_writeLock)
        {
            _writer.Commit();
        }

        _searchers.MaybeRefreshBlocking();
    }

    public int Count()
    {
        var searcher = _searchers.Acquire();
        try
        {
            return searcher.IndexReader.NumDocs;
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    public SearchResult Search(SearchQuery request)
    {
        var text = (request.Text ?? "").Trim();
        if (text.Length > MaxQueryLength)
        {
            text = text[..MaxQueryLength];
        }

        var page = Math.Max(1, request.Page);
        var size = Math.Clamp(request.PageSize, 1, 50);
        var key = new ResultKey(TextNormalizer.Normalize(text), request.Audience, request.Topic, request.Kind,
            request.Targets is null ? null : string.Join('|', request.Targets), request.ByDate, page, size);
        var searcher = _searchers.Acquire();
        try
        {
            var results = _results;
            if (!ReferenceEquals(results.Searcher, searcher))
            {
                results = _results = new ResultCache(searcher);
            }

            if (results.Entries.TryGetValue(key, out var cached))
            {
                return cached;
            }

            var pieces = TextQuery.Pieces(text);
            Query textQuery = pieces.Count == 0 ? new MatchAllDocsQuery() : TextQuery.Build(_analyzer, pieces, all: true) ?? new MatchAllDocsQuery();
            var sort = request.ByDate || pieces.Count == 0
                ? new Sort(new SortField(SearchFields.Published, SortFieldType.INT64, reverse: true))
                : Sort.RELEVANCE;
            var top = searcher.Search(Filtered(textQuery, request), null, page * size, sort, doDocScores: true, doMaxScore: false);
            if (top.TotalHits == 0 && pieces.Count > 1 && TextQuery.Build(_analyzer, pieces, all: false) is { } anyPiece)
            {
                // No item has every piece: show those with some of them.
                textQuery = anyPiece;
                top = searcher.Search(Filtered(textQuery, request), null, page * size, sort, doDocScores: true, doMaxScore: false);
            }

            var terms = pieces.Count == 0 ? [] : QueryTerms(textQuery);
            var hits = top.ScoreDocs.Skip((page - 1) * size).Select(sd =>
            {
                var doc = searcher.Doc(sd.Doc);
                var body = doc.Get(SearchFields.Body, CultureInfo.InvariantCulture) ?? "";
                var summary = doc.Get(SearchFields.Summary, CultureInfo.InvariantCulture) ?? "";
                var snippet = Snippets.Make(body, terms) ?? Snippets.Make(summary, terms);
                return new SearchHit(
                    int.Parse(doc.Get(SearchFields.Id, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
                    doc.Get(SearchFields.Kind, CultureInfo.InvariantCulture),
                    doc.Get(SearchFields.Title, CultureInfo.InvariantCulture),
                    summary,
                    snippet ?? System.Net.WebUtility.HtmlEncode(summary),
                    new DateTime(long.Parse(doc.Get("published_at", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture), DateTimeKind.Utc),
                    float.IsNaN(sd.Score) ? 0 : sd.Score);
            }).ToList();
            var result = new SearchResult(hits, top.TotalHits);
            if (results.Entries.Count >= MaxCachedResults)
            {
                results.Entries.Clear();
            }

            results.Entries[key] = result;
            return result;
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <summary>The texts the query looks for, normalised as the index holds them (words and character pairs).</summary>
    private static HashSet<string> QueryTerms(Query query)
    {
        var terms = new HashSet<Term>();
        try
        {
            query.ExtractTerms(terms);
        }
        catch (NotSupportedException)
        {
            return [];
        }

        return terms.Select(t => t.Text).Where(t => t.Length > 0).ToHashSet(StringComparer.Ordinal);
    }

    public void Dispose()
    {
        _searchers.Dispose();
        lock (_writeLock)
        {
            _writer.Dispose();
        }

        _analyzer.Dispose();
        _directory.Dispose();
    }

    private static BooleanQuery Filtered(Query textQuery, SearchQuery request)
    {
        var query = new BooleanQuery { { textQuery, Occur.MUST } };
        AddFilter(query, SearchFields.Audience, request.Audience is null ? null : [request.Audience]);
        AddFilter(query, SearchFields.Topic, request.Topic is null ? null : [request.Topic]);
        AddFilter(query, SearchFields.Kind, request.Kind is null ? null : [request.Kind]);
        AddFilter(query, SearchFields.Target, request.Targets);
        return query;
    }

    private static void AddFilter(BooleanQuery query, string field, IReadOnlyList<string>? values)
    {
        if (values is not { Count: > 0 })
        {
            return;
        }

        var any = new BooleanQuery();
        foreach (var value in values)
        {
            any.Add(new TermQuery(new Term(field, value)), Occur.SHOULD);
        }

        // Filters narrow the results without changing their scores.
        query.Add(new ConstantScoreQuery(any) { Boost = 0 }, Occur.MUST);
    }

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static Document ToDocument(SearchDocument d)
    {
        var doc = new Document
        {
            new StringField(SearchFields.Id, Key(d.Id), Field.Store.YES),
            new StringField(SearchFields.Kind, d.Kind, Field.Store.YES),
            new TextField(SearchFields.Title, d.Title, Field.Store.YES),
            new TextField(SearchFields.TitleBigrams, d.Title, Field.Store.NO),
            // Summaries and bodies are searched by character pairs only (see TextQuery); the stored body is what
            // snippets are cut from, so only its beginning is kept.
            new StoredField(SearchFields.Summary, d.Summary),
            new TextField(SearchFields.SummaryBigrams, d.Summary, Field.Store.NO),
            new StoredField(SearchFields.Body, d.Text.Length > Snippets.MaxChars ? d.Text[..Snippets.MaxChars] : d.Text),
            new TextField(SearchFields.BodyBigrams, d.Text, Field.Store.NO),
            new NumericDocValuesField(SearchFields.Published, d.PublishedAt.Ticks),
            new StoredField("published_at", d.PublishedAt.Ticks.ToString(CultureInfo.InvariantCulture)),
            new StringField(SearchFields.Elder, d.ElderFriendly ? "1" : "0", Field.Store.NO),
        };
        foreach (var audience in d.Audiences)
        {
            doc.Add(new StringField(SearchFields.Audience, audience, Field.Store.NO));
        }

        foreach (var topic in d.Topics)
        {
            doc.Add(new StringField(SearchFields.Topic, topic, Field.Store.NO));
        }

        foreach (var target in d.Targets)
        {
            doc.Add(new StringField(SearchFields.Target, target, Field.Store.NO));
        }

        return doc;
    }
}
