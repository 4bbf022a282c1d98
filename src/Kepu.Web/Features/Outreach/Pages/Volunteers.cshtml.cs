using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Outreach.People;
using Kepu.Web.Features.Regions;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Outreach.Pages;

/// <summary>科普志愿者: register what you can do and when; record hours served; see which are confirmed (and counted as 实绩).</summary>
[Authorize]
public sealed class VolunteersModel(Volunteers volunteers, IRegionDirectory regions, IAccountDirectory accounts) : PageModel
{
    public VolunteerView? Me { get; private set; }
    public IReadOnlyList<HoursView> Hours { get; private set; } = [];
    public IReadOnlyList<DistrictInfo> Districts { get; private set; } = [];
    public IReadOnlyDictionary<int, string> Organizations { get; private set; } = new Dictionary<int, string>();

    [BindProperty]
    public ProfileForm Profile { get; set; } = new();

    [BindProperty]
    public HoursForm Input { get; set; } = new();

    public sealed class ProfileForm
    {
        public string? Kind { get; set; }
        public string? Skills { get; set; }
        public List<int> Weekdays { get; set; } = [];
        public string? Availability { get; set; }
        public string? DistrictCode { get; set; }
        public string? Background { get; set; }
    }

    public sealed class HoursForm
    {
        public DateOnly? Date { get; set; }
        public decimal? Hours { get; set; }
        public string? Activity { get; set; }
        public string? Place { get; set; }
        public string? DistrictCode { get; set; }
        public int? OrganizationId { get; set; }
        public int? Served { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Me is { } me)
        {
            Profile = new ProfileForm
            {
                Kind = me.Kind, Skills = string.Join("、", me.Skills), Weekdays = [.. me.Weekdays], Availability = me.Availability, DistrictCode = me.DistrictCode,
                Background = me.Background,
            };
            Input.DistrictCode = me.DistrictCode;
        }
        else
        {
            Profile.DistrictCode = (await accounts.ProfileAsync(User.UserId()!, ct))?.District;
        }
    }

    public async Task<IActionResult> OnPostProfileAsync(CancellationToken ct)
    {
        try
        {
            var skills = (Profile.Skills ?? "").Split(['、', ',', '，', ' ', '；', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            await volunteers.SaveAsync(new VolunteerRequest
            {
                Kind = Profile.Kind, Skills = skills, Weekdays = Profile.Weekdays, Availability = Profile.Availability, DistrictCode = Profile.DistrictCode,
                Background = Profile.Background,
            }, User, ct);
            TempData["Message"] = "志愿者登记已保存。";
            return RedirectToPage();
        }
        catch (ValidationFailedException e)
        {
            ModelState.Apply(e, "Profile");
        }
        catch (BusinessRuleException e)
        {
            ModelState.AddProblem(e);
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostHoursAsync(CancellationToken ct)
    {
        try
        {
            var h = await volunteers.RecordHoursAsync(new HoursRequest
            {
                Date = Input.Date, Hours = Input.Hours, Activity = Input.Activity, Place = Input.Place, DistrictCode = Input.DistrictCode,
                OrganizationId = Input.OrganizationId, Served = Input.Served,
            }, User, ct);
            TempData["Message"] = $"已记录 {h.Hours:0.#} 小时“{h.Activity}”，等待{h.OrganizationName ?? h.DistrictName + "管理员"}确认。";
            return RedirectToPage();
        }
        catch (ValidationFailedException e)
        {
            ModelState.Apply(e);
        }
        catch (BusinessRuleException e)
        {
            ModelState.AddProblem(e);
        }

        await LoadAsync(ct);
        Profile = Me is { } me ? new ProfileForm { Kind = me.Kind, Skills = string.Join("、", me.Skills), Weekdays = [.. me.Weekdays], Availability = me.Availability,
            DistrictCode = me.DistrictCode, Background = me.Background } : Profile;
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Me = await volunteers.MineAsync(User, ct);
        Hours = await volunteers.MyHoursAsync(User, ct);
        Districts = await regions.DistrictsAsync(ct);
        Organizations = await accounts.OrganizationNamesAsync((await accounts.OrganizationTreeAsync(ct)).Select(o => o.Id), ct);
    }
}
