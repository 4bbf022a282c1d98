using Ganss.Xss;
using Markdig;
using Microsoft.Extensions.Caching.Memory;

namespace Kepu.Web.Features.Library;

/// <summary>图文 bodies are Markdown; raw HTML is not allowed, and the output is sanitised again.</summary>
public sealed class MarkdownRenderer(IMemoryCache cache)
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoLinks()
        .UsePipeTables()
        .UseEmphasisExtras()
        .Build();

    private readonly HtmlSanitizer _sanitizer = new();

    public string ToHtml(string markdown) => _sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline));

    /// <summary>Sanitising costs milliseconds; a version of an item never changes, so its HTML is cached.</summary>
    public string ToHtml(string markdown, int id, int version) =>
        cache.GetOrCreate(("markdown", id, version), entry =>
        {
            entry.SlidingExpiration = TimeSpan.FromMinutes(30);
            entry.Size = markdown.Length;
            return ToHtml(markdown);
        })!;
}
