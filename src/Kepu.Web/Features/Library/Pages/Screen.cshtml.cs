using Kepu.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Library.Pages;

/// <summary>A full-screen page for public screens: rotates through its playlist on its own (JavaScript, or a refresh without it).</summary>
public sealed class ScreenModel(Screens screens) : PageModel
{
    public ScreenPlaylistView Playlist { get; private set; } = null!;
    public int Index { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int? i, CancellationToken ct)
    {
        try
        {
            Playlist = await screens.GetAsync(id, ChannelsApi.BaseUrl(Request), ct);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }

        Index = Math.Max(0, i ?? 0);
        return Page();
    }
}
