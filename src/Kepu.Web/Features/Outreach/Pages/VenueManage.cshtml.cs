using Kepu.Web.Features.Outreach.Venues;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Outreach.Pages;

/// <summary>A venue's manager: bookings to confirm or decline, and open days to declare.</summary>
[Authorize]
public sealed class VenueManageModel(VenueCatalog venues, VenueBookings bookings, OpenDays openDays) : PageModel
{
    public VenueView Venue { get; private set; } = null!;
    public IReadOnlyList<BookingView> Bookings { get; private set; } = [];
    public IReadOnlyList<OpenDayView> Days { get; private set; } = [];

    [BindProperty]
    public OpenDayForm Input { get; set; } = new();

    public int? Failed { get; private set; }

    public sealed class OpenDayForm
    {
        public string? Title { get; set; }
        public DateOnly? Date { get; set; }
        public string? Start { get; set; } = "09:00";
        public string? End { get; set; } = "12:00";
        public int? Capacity { get; set; }
        public string? Note { get; set; }
    }

    public async Task OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct);

    public Task<IActionResult> OnPostConfirmAsync(int id, int booking, CancellationToken ct) =>
        ActAsync(id, booking, async () => Done(await bookings.ConfirmAsync(booking, User, ct), "已确认"), ct);

    public Task<IActionResult> OnPostDeclineAsync(int id, int booking, string? reason, CancellationToken ct) =>
        ActAsync(id, booking, async () => Done(await bookings.DeclineAsync(booking, new DecisionRequest(reason), User, ct), "已婉拒"), ct);

    public Task<IActionResult> OnPostCancelAsync(int id, int booking, string? reason, CancellationToken ct) =>
        ActAsync(id, booking, async () => Done(await bookings.CancelAsync(booking, new DecisionRequest(reason), User, ct), "已取消"), ct);

    public async Task<IActionResult> OnPostOpenDayAsync(int id, CancellationToken ct)
    {
        try
        {
            var day = await openDays.CreateAsync(id, new OpenDayRequest
            {
                Title = Input.Title, Date = Input.Date, Start = Input.Start, End = Input.End, Capacity = Input.Capacity, Note = Input.Note,
            }, User, ct);
            TempData["Message"] = $"已设立开放日“{day.Title}”（{day.Capacity} 个名额）。";
            return Redirect($"/venues/{id}/manage");
        }
        catch (ValidationFailedException e)
        {
            ModelState.Apply(e);
        }
        catch (Exception e) when (e is BusinessRuleException or ForbiddenException)
        {
            ModelState.AddProblem(e);
        }

        await LoadAsync(id, ct);
        return Page();
    }

    private static string Done(BookingView b, string what) => $"{what}{b.GroupName} {b.Date:M月d日} {b.Start}–{b.End} 的预约（{b.Size} 人）。";

    private async Task<IActionResult> ActAsync(int id, int booking, Func<Task<string>> act, CancellationToken ct)
    {
        try
        {
            TempData["Message"] = await act();
            return Redirect($"/venues/{id}/manage");
        }
        catch (Exception e) when (e is BusinessRuleException or ForbiddenException or ValidationFailedException or NotFoundException)
        {
            ModelState.AddProblem(e);
            Failed = booking;
        }

        await LoadAsync(id, ct);
        return Page();
    }

    private async Task LoadAsync(int id, CancellationToken ct)
    {
        Venue = await venues.GetAsync(id, User, ct);
        Bookings = await bookings.ForVenueAsync(id, null, User, ct);
        Days = await openDays.ForVenueAsync(id, User, ct);
    }
}
