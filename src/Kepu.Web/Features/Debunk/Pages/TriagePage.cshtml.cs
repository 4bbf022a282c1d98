using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Debunk.Pages;

/// <summary>辟谣线索: editors triage clusters; experts check the ones assigned to them and publish verdicts.</summary>
[Authorize(Roles = $"{Roles.Editor},{Roles.Expert},{Roles.Admin}")]
public sealed class TriagePageModel(Triage triage, DebunkExperts experts) : PageModel
{
    public IReadOnlyList<ClusterView> Clusters { get; private set; } = [];
    public IReadOnlyList<DebunkExpert> Experts { get; private set; } = [];
    public bool Editor => User.IsInRole(Roles.Editor) || User.IsInRole(Roles.Admin);
    public string? State { get; private set; }

    public async Task OnGetAsync(string? state, CancellationToken ct) => await LoadAsync(state, ct);

    public Task<IActionResult> OnPostAssignAsync(int id, string? category, List<string>? experts, CancellationToken ct) =>
        ActAsync("已分派给专家。", () => triage.AssignAsync(id, new AssignRequest(category, experts), User, ct), ct);

    public Task<IActionResult> OnPostRejectAsync(int id, string? reason, CancellationToken ct) =>
        ActAsync("已标为不予处理。", () => triage.RejectAsync(id, new RejectRequest(reason), User, ct), ct);

    public Task<IActionResult> OnPostStartAsync(int id, CancellationToken ct) =>
        ActAsync("已开始核查。", () => triage.StartAsync(id, User, ct), ct);

    public Task<IActionResult> OnPostVerdictAsync(int id, string? claim, string? verdict, string? conclusion, string? title, string? body, CancellationToken ct) =>
        ActAsync("结论已发布。", () => triage.PublishVerdictAsync(id, new VerdictRequest(claim, verdict, conclusion, title, body, null), User, ct), ct);

    private async Task<IActionResult> ActAsync(string done, Func<Task> action, CancellationToken ct)
    {
        try
        {
            await action();
            TempData["Message"] = done;
            return RedirectToPage();
        }
        catch (Exception e) when (e is BusinessRuleException or ForbiddenException or ValidationFailedException or NotFoundException)
        {
            ModelState.AddProblem(e);
            await LoadAsync(null, ct);
            return Page();
        }
    }

    private async Task LoadAsync(string? state, CancellationToken ct)
    {
        State = state;
        Clusters = await triage.ListAsync(User, state, ct);
        Experts = Editor ? await experts.AllAsync(ct) : [];
    }
}
