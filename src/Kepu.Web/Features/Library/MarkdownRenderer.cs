using Ganss.Xss;
using Markdig;

namespace Kepu.Web.Features.Library;

/// <summary>
/// 图文 bodies are Markdown; raw HTML is not allowed, and the output is sanitised again. Rendering and sanitising
/// cost about a millisecond, so items store their HTML when they are written (<see cref="Entities.ContentItem.BodyHtml"/>).
/// </summary>
public static class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoLinks()
        .UsePipeTables()
        .UseEmphasisExtras()
        .Build();

    private static readonly HtmlSanitizer Sanitizer = new();

    public static string Render(string markdown) => Sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline));
}
