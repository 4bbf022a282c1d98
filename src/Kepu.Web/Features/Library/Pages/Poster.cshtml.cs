using Kepu.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Library.Pages;

/// <summary>A print-friendly A4 poster of a published item with a QR code back to it (for notice boards in villages).</summary>
public sealed class PosterModel(GetContent get) : PageModel
{
    public ContentView Item { get; private set; } = null!;
    public IReadOnlyList<string> Points { get; private set; } = [];
    public string QrSvg { get; private set; } = "";
    public string Link { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        try
        {
            Item = await get.HandleAsync(id, User, ct);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }

        Link = $"{ChannelsApi.BaseUrl(Request)}/contents/{id}";
        Points = Screens.KeyPoints(Item.Body);
        QrSvg = Channels.QrSvg(Link);
        return Page();
    }
}
