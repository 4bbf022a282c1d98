using Ganss.Xss;
using Markdig;

namespace Kepu.Web.Features.Library;

/// <summary>图文 bodies are Markdown; raw HTML is not allowed, and the output is sanitised again.</summary>
public sealed class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoLinks()
        .UsePipeTables()
        .UseEmphasisExtras()
        .Build();

    private readonly HtmlSanitizer _sanitizer = new();

    public string ToHtml(string markdown) => _sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline));
}
