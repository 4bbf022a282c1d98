using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Outreach.Events;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Outreach.Pages;

[Authorize]
public sealed class MyEventsModel(EventRegistrations registrations) : PageModel
{
    public IReadOnlyList<MyEventView> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Items = await registrations.MyEventsAsync(User.UserId()!, ct);
}
