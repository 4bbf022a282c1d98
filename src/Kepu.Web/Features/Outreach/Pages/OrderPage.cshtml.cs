using Kepu.Web.Features.Outreach.Orders;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Outreach.Pages;

/// <summary>One order: for the district administrator the ranked experts with reasons and the confirm form; for the orderer the status and, afterwards, the rating.</summary>
[Authorize]
public sealed class OrderPageModel(OrderDesk desk) : PageModel
{
    public OrderView Order { get; private set; } = null!;
    public Proposals? Proposals { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadOrFailAsync(id, ct);

    public Task<IActionResult> OnPostConfirmAsync(int id, string? expertId, DateOnly? date, TimeOnly? startTime, CancellationToken ct) =>
        ActAsync(id, () => desk.ConfirmAsync(id, new ConfirmRequest(expertId, date, startTime), User, ct), "已确认，讲座活动已生成，专家和点单人都收到了通知。", ct);

    public Task<IActionResult> OnPostFeedbackAsync(int id, int? rating, string? comment, CancellationToken ct) =>
        ActAsync(id, () => desk.FeedbackAsync(id, new FeedbackRequest(rating, comment), User, ct), "谢谢您的评价！", ct);

    public Task<IActionResult> OnPostCancelAsync(int id, CancellationToken ct) =>
        ActAsync(id, () => desk.CancelAsync(id, User, ct), "点单已取消。", ct);

    private async Task<IActionResult> ActAsync(int id, Func<Task<OrderView>> action, string message, CancellationToken ct)
    {
        try
        {
            await action();
            TempData["Message"] = message;
            return RedirectToPage(new { id });
        }
        catch (Exception e) when (e is ValidationFailedException or BusinessRuleException)
        {
            ModelState.AddProblem(e);
        }

        return await LoadOrFailAsync(id, ct);
    }

    private async Task<IActionResult> LoadOrFailAsync(int id, CancellationToken ct)
    {
        try
        {
            Order = await desk.GetAsync(id, User, ct);
            if (Order.CanConfirm)
            {
                Proposals = await desk.ProposalsAsync(id, User, ct);
            }

            return Page();
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (ForbiddenException)
        {
            return Forbid();
        }
    }
}
