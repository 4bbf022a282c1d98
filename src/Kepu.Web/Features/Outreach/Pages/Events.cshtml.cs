using Kepu.Web.Features.Outreach.Events;
using Kepu.Web.Features.Regions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Outreach.Pages;

/// <summary>活动日历: what is on, filtered by district, kind, audience and month; subscribe as iCalendar.</summary>
public sealed class EventsModel(EventCatalog catalog, IRegionDirectory regions) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? District { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Audience { get; set; }

    public IReadOnlyList<EventView> Items { get; private set; } = [];
    public IReadOnlyList<DistrictInfo> Districts { get; private set; } = [];

    public string CalendarUrl => "/events/calendar.ics" + QueryString.Create(new Dictionary<string, string?> { ["district"] = District, ["kind"] = Kind, ["audience"] = Audience }
        .Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Districts = await regions.DistrictsAsync(ct);
        Items = await catalog.ListAsync(new EventFilter(District, Kind, Audience), ct);
    }
}
