using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Outreach.Events;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;

namespace Kepu.Web.Features.Outreach.Pages;

/// <summary>One event: details, register or leave, my status; for its managers the check-in QR code, the list, the report.</summary>
public sealed class EventPageModel(EventCatalog catalog, EventRegistrations registrations, EventManagement management, Infrastructure.Data.AppDbContext db, TimeProvider clock) : PageModel
{
    public EventView Event { get; private set; } = null!;
    public RegistrationView? Mine { get; private set; }
    public bool CanManage { get; private set; }
    public IReadOnlyList<AttendeeView> Attendees { get; private set; } = [];
    public string? CheckInQr { get; private set; }
    public string? CheckInUrl { get; private set; }
    public bool Started { get; private set; }
    public bool Ended { get; private set; }

    [BindProperty]
    public int? Attendance { get; set; }

    [BindProperty]
    public string? Summary { get; set; }

    [BindProperty]
    public List<IFormFile> Photos { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        return Page();
    }

    public Task<IActionResult> OnPostRegisterAsync(int id, CancellationToken ct) =>
        ActAsync(id, async () => Message((await registrations.RegisterAsync(id, User.UserId()!, ct)).Status == "waitlisted" ? "名额已满，您已进入候补名单；有人取消时会自动转正并通知您。" : "报名成功！活动当天到现场扫码签到。"), ct);

    public Task<IActionResult> OnPostCancelRegistrationAsync(int id, CancellationToken ct) =>
        ActAsync(id, async () => { await registrations.CancelAsync(id, User.UserId()!, ct); Message("已取消报名。"); }, ct);

    public Task<IActionResult> OnPostCheckInAsync(int id, int registrationId, CancellationToken ct) =>
        ActAsync(id, async () => { await registrations.CheckInByStaffAsync(id, registrationId, User, ct); Message("已代签到。"); }, ct);

    public Task<IActionResult> OnPostCancelEventAsync(int id, CancellationToken ct) =>
        ActAsync(id, async () => { await management.CancelAsync(id, User, ct); Message("活动已取消，已通知报名的人。"); }, ct);

    public Task<IActionResult> OnPostReportAsync(int id, CancellationToken ct) =>
        ActAsync(id, async () =>
        {
            var streams = Photos.Where(p => p.Length > 0).Select(p => p.OpenReadStream()).ToList();
            try
            {
                await management.ReportAsync(id, new EventReportRequest(Attendance, Summary, null), User, streams, ct);
            }
            finally
            {
                foreach (var s in streams)
                {
                    await s.DisposeAsync();
                }
            }

            Message("活动总结已保存。");
        }, ct);

    private void Message(string text) => TempData["Message"] = text;

    private async Task<IActionResult> ActAsync(int id, Func<Task> action, CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }

        try
        {
            await action();
            return RedirectToPage(new { id });
        }
        catch (ValidationFailedException e)
        {
            ModelState.AddProblem(e);
        }
        catch (Exception e) when (e is BusinessRuleException or ForbiddenException or NotFoundException)
        {
            ModelState.AddProblem(e);
        }

        await LoadAsync(id, ct);
        return Page();
    }

    private async Task LoadAsync(int id, CancellationToken ct)
    {
        Event = await catalog.GetAsync(id, ct);
        Started = clock.GetUtcNow().UtcDateTime >= Event.StartsAt;
        Ended = clock.GetUtcNow().UtcDateTime >= Event.EndsAt;
        if (User.UserId() is not { } me)
        {
            return;
        }

        Mine = await registrations.MineAsync(id, me, ct);
        var entity = await EventCatalog.FindAsync(db, id, ct);
        CanManage = EventInput.CanManage(User, entity);
        if (CanManage)
        {
            Attendees = await registrations.AttendeesAsync(id, User, ct);
            CheckInUrl = $"{Request.Scheme}://{Request.Host}/events/{id}/checkin/{entity.CheckInSecret}";
            using var data = QRCodeGenerator.GenerateQrCode(CheckInUrl, QRCodeGenerator.ECCLevel.M);
            CheckInQr = new SvgQRCode(data).GetGraphic(6);
        }
    }
}
