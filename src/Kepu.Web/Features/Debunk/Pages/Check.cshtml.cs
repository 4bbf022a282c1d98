using Kepu.Web.Features.Accounts;
using Kepu.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Debunk.Pages;

/// <summary>
/// 查一查: paste a message, get the known verdict. Checking changes nothing, so the form (also in every page's
/// header) needs no antiforgery token, and works from any page without JavaScript.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class CheckModel(CheckText check) : PageModel
{
    [BindProperty]
    public string? Text { get; set; }

    public MatchResult? Result { get; private set; }

    public async Task OnGetAsync(string? text, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            Text = text;
            await RunAsync(ct);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await RunAsync(ct);
        return Page();
    }

    private async Task RunAsync(CancellationToken ct)
    {
        try
        {
            Result = await check.HandleAsync(new MatchRequest(Text, 5), User.UserId(), ct);
        }
        catch (ValidationFailedException e)
        {
            ModelState.AddModelError(nameof(Text), string.Join(" ", e.Errors.SelectMany(x => x.Value)));
        }
    }
}
