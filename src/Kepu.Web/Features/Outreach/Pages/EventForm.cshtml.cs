using System.Globalization;
using Kepu.Web.Features.Outreach.Events;
using Kepu.Web.Features.Regions;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Outreach.Pages;

/// <summary>发布活动: the organiser's form. Times are Beijing time.</summary>
[Authorize]
public sealed class EventFormModel(EventManagement management, IRegionDirectory regions, TimeProvider clock) : PageModel
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    [BindProperty]
    public EventFormInput Input { get; set; } = new();

    public IReadOnlyList<DistrictInfo> Districts { get; private set; } = [];

    public sealed class EventFormInput
    {
        public string? Kind { get; set; } = "lecture";
        public string? Title { get; set; }
        public string? Description { get; set; }
        public string? District { get; set; }
        public string? Place { get; set; }
        public List<string> Audiences { get; set; } = [];
        public DateOnly? Date { get; set; }
        public TimeOnly? Start { get; set; } = new(9, 30);
        public TimeOnly? End { get; set; } = new(11, 30);
        public int? Capacity { get; set; } = 50;
        public string? Organizer { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!EventInput.CanOrganize(User))
        {
            return Forbid();
        }

        Input.District = User.FindFirst(Accounts.KepuClaims.ManagedDistrict)?.Value;
        Input.Date = Display.BeijingDay(clock.GetUtcNow().UtcDateTime).AddDays(7);
        Districts = await regions.DistrictsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        DateTimeOffset? At(TimeOnly? t) => Input.Date is { } d && t is { } time ? new DateTimeOffset(d.ToDateTime(time), Beijing) : null;
        try
        {
            var view = await management.CreateAsync(new EventRequest
            {
                Kind = Input.Kind, Title = Input.Title, Description = Input.Description, District = Input.District, Place = Input.Place,
                Audiences = Input.Audiences, StartsAt = At(Input.Start), EndsAt = At(Input.End), Capacity = Input.Capacity, Organizer = Input.Organizer,
            }, User, ct);
            TempData["Message"] = "活动已发布。";
            return Redirect($"/events/{view.Id}");
        }
        catch (ValidationFailedException e)
        {
            // Times arrive as one date and two times on the page.
            var mapped = e.Errors.ToDictionary(x => x.Key switch { "startsAt" => "date", "endsAt" => "end", _ => x.Key }, x => x.Value);
            ModelState.Apply(new ValidationFailedException(mapped));
        }
        catch (Exception e) when (e is ForbiddenException or BusinessRuleException)
        {
            ModelState.AddProblem(e);
        }

        Districts = await regions.DistrictsAsync(ct);
        return Page();
    }

    public static string Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    public static string Time(TimeOnly? t) => t?.ToString("HH:mm", CultureInfo.InvariantCulture) ?? "";
}
