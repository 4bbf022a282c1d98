using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Outreach.Events;
using Kepu.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Outreach.Pages;

/// <summary>Where the QR code at the venue leads: one big button that checks the signed-in person in.</summary>
[Authorize]
public sealed class CheckInModel(EventCatalog catalog, EventRegistrations registrations) : PageModel
{
    public EventView Event { get; private set; } = null!;
    public RegistrationView? Done { get; private set; }
    public string? Problem { get; private set; }

    public async Task OnGetAsync(int id, CancellationToken ct) => Event = await catalog.GetAsync(id, ct);

    public async Task OnPostAsync(int id, string secret, CancellationToken ct)
    {
        try
        {
            Done = await registrations.CheckInAsync(id, secret, User.UserId()!, ct);
        }
        catch (Exception e) when (e is BusinessRuleException or NotFoundException)
        {
            Problem = e.Message;
        }

        Event = await catalog.GetAsync(id, ct);
    }
}
