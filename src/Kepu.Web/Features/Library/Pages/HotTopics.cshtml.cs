using Kepu.Web.Features.Accounts;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Library.Pages;

[Authorize(Roles = "Editor,Admin,Expert")]
public sealed class HotTopicsModel(HotTopics hotTopics, IAccountDirectory accounts) : PageModel
{
    public IReadOnlyList<HotTopicView> List { get; private set; } = [];
    public IReadOnlyList<ExpertCard> Experts { get; private set; } = [];
    public bool IsEditor => ContentAccess.IsEditor(User);
    public string? Title { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(string? title, string? description, DateTime? deadline, List<string> experts, CancellationToken ct)
    {
        // datetime-local is Beijing time.
        var utc = deadline is { } local ? DateTime.SpecifyKind(local.AddHours(-8), DateTimeKind.Utc) : (DateTime?)null;
        return await ActAsync(() => hotTopics.OpenAsync(new HotTopicRequest { Title = title, Description = description, Deadline = utc, Experts = experts }, User, ct),
            "热点已开启。", title, ct);
    }

    public Task<IActionResult> OnPostLinkAsync(int id, int contentId, CancellationToken ct) =>
        ActAsync(() => hotTopics.LinkResponseAsync(id, contentId, User, ct), "已关联回应内容；内容发布后即为已回应。", null, ct);

    private async Task<IActionResult> ActAsync(Func<Task> action, string done, string? title, CancellationToken ct)
    {
        try
        {
            await action();
            TempData["Message"] = done;
            return RedirectToPage();
        }
        catch (Exception e) when (e is ValidationFailedException or BusinessRuleException or ForbiddenException or NotFoundException)
        {
            ModelState.AddProblem(e);
            Title = title;
            await LoadAsync(ct);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        List = await hotTopics.ListAsync(IsEditor ? null : User.UserId(), ct);
        Experts = await accounts.ExpertsAsync(ct);
    }
}
