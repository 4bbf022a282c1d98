using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Learning.Activities;
using Kepu.Web.Features.Learning.Entities;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Learning.Pages;

/// <summary>我的科普活动: what I recorded and where each stands; a form to record one, or to edit a returned one and send it again.</summary>
[Authorize]
public sealed class ActivitiesModel(ScienceActivities activities, IAccountDirectory accounts) : PageModel
{
    [BindProperty]
    public ActivityForm Input { get; set; } = new();

    public IReadOnlyList<ActivityView> Mine { get; private set; } = [];

    /// <summary>The person's organisations, which they may send activities to.</summary>
    public IReadOnlyDictionary<int, string> Organizations { get; private set; } = new Dictionary<int, string>();

    /// <summary>The returned activity being edited, if any.</summary>
    public ActivityView? Editing { get; private set; }

    public sealed class ActivityForm
    {
        public int? Id { get; set; }
        public string? Kind { get; set; } = ActivityKinds.Lecture;
        public string? Title { get; set; }
        public DateOnly? Date { get; set; }
        public string? Place { get; set; }
        public int? Audience { get; set; }
        public decimal? Hours { get; set; }
        public string? Evidence { get; set; }
        public IFormFile? File { get; set; }
        public int? OrganizationId { get; set; }
        public string? Supervisor { get; set; }

        public ActivityRequest ToRequest() => new()
        {
            Kind = Kind, Title = Title, Date = Date, Place = Place, Audience = Audience, Hours = Hours, Evidence = Evidence,
            OrganizationId = OrganizationId, Supervisor = OrganizationId is null ? Supervisor : null,
        };
    }

    public async Task OnGetAsync(int? edit, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (edit is { } id && Mine.FirstOrDefault(a => a.Id == id && a.CanEdit) is { } returned)
        {
            Editing = returned;
            Input = new ActivityForm
            {
                Id = returned.Id, Kind = returned.Kind, Title = returned.Title, Date = returned.Date, Place = returned.Place, Audience = returned.Audience,
                Hours = returned.Hours, Evidence = returned.Evidence, OrganizationId = returned.OrganizationId, Supervisor = returned.Supervisor,
            };
        }
        else if (Organizations.Count > 0)
        {
            Input.OrganizationId = Organizations.Keys.First();
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var me = User.UserId()!;
        try
        {
            await using var upload = Input.File is { Length: > 0 } file ? file.OpenReadStream() : null;
            var view = Input.Id is { } id
                ? await activities.ResubmitAsync(id, me, Input.ToRequest(), upload, ct)
                : await activities.CreateAsync(me, Input.ToRequest(), upload, ct);
            TempData["Message"] = $"“{view.Title}”已提交给{view.ReviewedBy}审核。";
            return RedirectToPage();
        }
        catch (ValidationFailedException e)
        {
            ModelState.Apply(e);
        }
        catch (Exception e) when (e is BusinessRuleException or ForbiddenException or NotFoundException)
        {
            ModelState.AddProblem(e);
        }

        await LoadAsync(ct);
        Editing = Input.Id is { } editing ? Mine.FirstOrDefault(a => a.Id == editing) : null;
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var me = User.UserId()!;
        Mine = await activities.MineAsync(me, ct);
        Organizations = await accounts.OrganizationNamesAsync(await accounts.OrganizationIdsAsync(me, ct), ct);
    }
}
