using System.Text.Json;
using Kepu.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Debunk.Pages;

/// <summary>A published debunk, with schema.org ClaimReview data for search engines and a share card.</summary>
public sealed class EntryModel(GetDebunk get) : PageModel
{
    // Chinese stays readable; the characters that could end the script element (<, >, &) are still escaped.
    private static readonly JsonSerializerOptions LdJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All) };

    public DebunkView Entry { get; private set; } = null!;
    public string PageUrl { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        try
        {
            Entry = await get.HandleAsync(id, ct);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }

        PageUrl = $"{Request.Scheme}://{Request.Host}/debunks/{id}";
        return Page();
    }

    /// <summary>schema.org ClaimReview: rating 1 (false) to 5 (true), with the verdict's word as alternateName.</summary>
    public string ClaimReviewJson()
    {
        var rating = Entry.Verdict switch { "rumor" => 1, "misleading" => 2, "unproven" => 3, _ => 5 };
        var review = new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "ClaimReview",
            ["url"] = PageUrl,
            ["claimReviewed"] = Entry.Claim,
            ["datePublished"] = Entry.PublishedAt.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["dateModified"] = Entry.UpdatedAt.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["headline"] = Entry.Title,
            ["author"] = new Dictionary<string, object?> { ["@type"] = "Organization", ["name"] = "科普重庆", ["url"] = $"{Request.Scheme}://{Request.Host}/" },
            ["reviewRating"] = new Dictionary<string, object?>
            {
                ["@type"] = "Rating",
                ["ratingValue"] = rating,
                ["bestRating"] = 5,
                ["worstRating"] = 1,
                ["alternateName"] = Entry.VerdictLabel,
            },
            ["itemReviewed"] = new Dictionary<string, object?>
            {
                ["@type"] = "Claim",
                ["firstAppearance"] = Entry.FirstSeen?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            },
        };
        // Safe inside <script>: '<' is escaped, so no text can close the element.
        return JsonSerializer.Serialize(review, LdJson);
    }
}
