using Kepu.Web.Features.Outreach.Venues;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Outreach.Pages;

/// <summary>我的预约: the visits the person booked, where each stands; cancel one that still holds places.</summary>
[Authorize]
public sealed class MyBookingsModel(VenueBookings bookings) : PageModel
{
    public IReadOnlyList<BookingView> Bookings { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Bookings = await bookings.MineAsync(User, ct);

    public async Task<IActionResult> OnPostCancelAsync(int booking, CancellationToken ct)
    {
        try
        {
            var b = await bookings.CancelAsync(booking, new DecisionRequest(null), User, ct);
            TempData["Message"] = $"已取消 {b.VenueName} {b.Date:M月d日} 的预约。";
            return RedirectToPage();
        }
        catch (Exception e) when (e is BusinessRuleException or ForbiddenException or NotFoundException)
        {
            ModelState.AddProblem(e);
        }

        Bookings = await bookings.MineAsync(User, ct);
        return Page();
    }
}
