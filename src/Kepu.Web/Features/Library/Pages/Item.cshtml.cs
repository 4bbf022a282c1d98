using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Library.Entities;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Library.Pages;

/// <summary>An item as citizens read it, and, for those who work on it, the next step of the workflow.</summary>
[OutputCache(PolicyName = PublishedPageCache.Policy)]
public sealed class ItemModel(GetContent get, ContentWorkflow workflow, ContentAccess access, RecordReading reading, AppDbContext db) : PageModel
{
    public ContentView Item { get; private set; } = null!;
    public string BodyHtml { get; private set; } = "";
    public string ShareUrl { get; private set; } = "";
    public IReadOnlyList<string> Actions { get; private set; } = [];
    public string? Comment { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        try
        {
            await LoadAsync(id, ct);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }

        if (Item.Status == ContentStatus.Published && User.UserId() is { } userId)
        {
            await reading.ViewedAsync(id, userId, ct);
        }

        return Page();
    }

    public Task<IActionResult> OnPostFinishAsync(int id, CancellationToken ct) =>
        ActAsync(id, "读完了，为你推荐会少推这一条。", () => reading.FinishedAsync(id, User.UserId() ?? throw new ForbiddenException("请先登录。"), ct), ct);

    public Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken ct) =>
        ActAsync(id, "已提交审核。", () => workflow.SubmitAsync(id, User, ct), ct);

    public Task<IActionResult> OnPostReviewAsync(int id, bool approve, string? comment, CancellationToken ct)
    {
        Comment = comment;
        return ActAsync(id, approve ? "已通过科学性审核。" : "已退回修改。", () => workflow.ReviewAsync(id, new ReviewRequest { Approve = approve, Comment = comment }, User, ct), ct);
    }

    public Task<IActionResult> OnPostPublishAsync(int id, DateTime? at, CancellationToken ct)
    {
        // The form's datetime-local is Beijing time.
        var utc = at is { } local ? DateTime.SpecifyKind(local.AddHours(-8), DateTimeKind.Utc) : (DateTime?)null;
        return ActAsync(id, utc is null ? "已发布。" : "已设置定时发布。", () => workflow.PublishAsync(id, new PublishRequest { At = utc }, User, ct), ct);
    }

    public Task<IActionResult> OnPostOfflineAsync(int id, string? reason, CancellationToken ct) =>
        ActAsync(id, "已下线。", () => workflow.TakeOfflineAsync(id, new OfflineRequest { Reason = reason }, User, ct), ct);

    private async Task<IActionResult> ActAsync(int id, string done, Func<Task> action, CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }

        try
        {
            await action();
            TempData["Message"] = done;
            return RedirectToPage(new { id });
        }
        catch (Exception e) when (e is BusinessRuleException or ForbiddenException or ValidationFailedException)
        {
            ModelState.AddProblem(e);
            await LoadAsync(id, ct);
            return Page();
        }
    }

    private async Task LoadAsync(int id, CancellationToken ct)
    {
        Item = await get.HandleAsync(id, User, ct);
        BodyHtml = Item.BodyHtml;
        ShareUrl = $"{Request.Scheme}://{Request.Host}/contents/{id}";
        Actions = await AvailableActionsAsync(ct);
    }

    private async Task<IReadOnlyList<string>> AvailableActionsAsync(CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return [];
        }

        var item = await db.Set<ContentItem>().AsNoTracking().FirstAsync(c => c.Id == Item.Id, ct);
        var actions = new List<string>();
        if ((item.Status is ContentStatus.Draft or ContentStatus.Returned or ContentStatus.Offline) && await Allowed(() => access.EnsureCanEditAsync(User, item, ct)))
        {
            actions.Add("edit");
            if (item.Status != ContentStatus.Offline)
            {
                actions.Add("submit");
            }
        }

        if (item.Status == ContentStatus.Submitted && await Allowed(() => access.EnsureCanReviewAsync(User, item, ct)))
        {
            actions.Add("review");
        }

        if (ContentAccess.IsEditor(User))
        {
            if (item.Status == ContentStatus.Approved)
            {
                actions.Add("publish");
            }

            if (item.Status is ContentStatus.Published or ContentStatus.Scheduled)
            {
                actions.Add("offline");
            }
        }

        return actions;
    }

    private static async Task<bool> Allowed(Func<Task> check)
    {
        try
        {
            await check();
            return true;
        }
        catch (ForbiddenException)
        {
            return false;
        }
    }
}
