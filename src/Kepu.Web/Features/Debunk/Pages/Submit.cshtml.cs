using Kepu.Web.Features.Regions;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Kepu.Web.Features.Debunk.Pages;

/// <summary>报告谣言: anyone may send a rumour in (rate-limited per client); the page keeps what was typed on an error.</summary>
[EnableRateLimiting(RateLimits.Claims)]
public sealed class SubmitModel(SubmitClaim submit, IRegionDirectory regions) : PageModel
{
    [BindProperty]
    public ClaimForm Input { get; set; } = new();

    public IReadOnlyList<DistrictInfo> Districts { get; private set; } = [];

    public sealed class ClaimForm
    {
        public string? Text { get; set; }
        public string? Link { get; set; }
        public string? SeenWhere { get; set; }
        public string? District { get; set; }
        public IFormFile? Screenshot { get; set; }
    }

    public async Task OnGetAsync(string? text, CancellationToken ct)
    {
        Input.Text = text;
        Districts = await regions.DistrictsAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            await using var screenshot = Input.Screenshot is { Length: > 0 } file ? file.OpenReadStream() : null;
            var status = await submit.HandleAsync(new ClaimRequest(Input.Text, Input.Link, null, Input.SeenWhere, Input.District), "web", null,
                screenshot is null ? null : new ScreenshotUpload(screenshot), ct);
            return Redirect($"/claims/{status.TrackingCode}");
        }
        catch (ValidationFailedException e)
        {
            ModelState.Apply(e);
            Districts = await regions.DistrictsAsync(ct);
            return Page();
        }
    }
}
