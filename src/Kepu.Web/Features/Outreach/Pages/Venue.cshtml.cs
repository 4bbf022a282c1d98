using Kepu.Web.Features.Outreach.Venues;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Outreach.Pages;

/// <summary>One venue: where, when open, open days to register for, and the form a group books a visit with.</summary>
public sealed class VenueModel(VenueCatalog venues, VenueBookings bookings, OpenDays openDays) : PageModel
{
    public VenueView Venue { get; private set; } = null!;
    public IReadOnlyList<OpenDayView> Days { get; private set; } = [];

    [BindProperty]
    public BookingForm Input { get; set; } = new();

    /// <summary>The open day whose button failed, so its message stands beside it.</summary>
    public int? FailedDay { get; private set; }

    public sealed class BookingForm
    {
        public DateOnly? Date { get; set; }
        public string? Start { get; set; } = "09:30";
        public string? End { get; set; } = "11:00";
        public string? GroupKind { get; set; } = "school";
        public string? GroupName { get; set; }
        public string? Contact { get; set; }
        public string? Phone { get; set; }
        public int? Size { get; set; }

        public BookingRequest ToRequest() => new()
        {
            Date = Date, Start = Start, End = End, GroupKind = GroupKind, GroupName = GroupName, Contact = Contact, Phone = Phone, Size = Size,
        };
    }

    public async Task OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct);

    public async Task<IActionResult> OnPostBookAsync(int id, CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }

        try
        {
            var booking = await bookings.BookAsync(id, Input.ToRequest(), User, ct);
            TempData["Message"] = $"已提交预约：{booking.Date:yyyy-MM-dd} {booking.Start}–{booking.End}，{booking.Size} 人，等待场馆确认。";
            return Redirect("/venues/bookings");
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

    public Task<IActionResult> OnPostRegisterAsync(int id, int day, CancellationToken ct) =>
        DayAsync(id, day, async () => $"已报名“{(await openDays.RegisterAsync(day, User, ct)).Title}”，请按时到场。", ct);

    public Task<IActionResult> OnPostUnregisterAsync(int id, int day, CancellationToken ct) =>
        DayAsync(id, day, async () => $"已取消“{(await openDays.UnregisterAsync(day, User, ct)).Title}”的报名。", ct);

    private async Task<IActionResult> DayAsync(int id, int day, Func<Task<string>> act, CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }

        try
        {
            TempData["Message"] = await act();
            return Redirect($"/venues/{id}#open-days");
        }
        catch (Exception e) when (e is BusinessRuleException or NotFoundException or ForbiddenException)
        {
            ModelState.AddProblem(e);
            FailedDay = day;
        }

        await LoadAsync(id, ct);
        return Page();
    }

    private async Task LoadAsync(int id, CancellationToken ct)
    {
        Venue = await venues.GetAsync(id, User, ct);
        Days = await openDays.ForVenueAsync(id, User, ct);
    }
}
