using Kepu.Web.Features.Contests.Calls;
using Kepu.Web.Features.Contests.Entities;
using Kepu.Web.Features.Regions;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Contests.Pages;

/// <summary>发起征集: the editor's form — kind, texts, eligibility, dated phases, rubric and awards. Saved as a draft.</summary>
[Authorize]
public sealed class NewCallModel(CallDesk desk, IRegionDirectory regions, TimeProvider clock) : PageModel
{
    public const int CriterionRows = 6;
    public const int AwardRows = 4;

    [BindProperty]
    public CallInput Input { get; set; } = new();

    public IReadOnlyList<DistrictInfo> Districts { get; private set; } = [];

    public sealed class CallInput
    {
        public string? Kind { get; set; } = CallKinds.Creation;
        public string? Title { get; set; }
        public string? Summary { get; set; }
        public string? Organizer { get; set; } = "重庆市科学技术协会";
        public string? Categories { get; set; }
        public List<string> Audiences { get; set; } = [];
        public List<string> Districts { get; set; } = [];
        public int? MinAge { get; set; }
        public int? MaxAge { get; set; }
        public List<string> OrganizationKinds { get; set; } = [];
        public List<string> EntrantKinds { get; set; } = [Entities.EntrantKinds.Individual, Entities.EntrantKinds.Team];
        public string? Licence { get; set; } = "CC BY-NC 4.0";
        public double? VoteWeight { get; set; }
        public List<PhaseRequest> Phases { get; set; } = [];
        public List<CriterionRequest> Criteria { get; set; } = [];
        public List<AwardRequest> Awards { get; set; } = [];
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!ContestAccess.Runs(User))
        {
            return Forbid();
        }

        var today = Display.BeijingDay(clock.GetUtcNow().UtcDateTime);
        Input.Categories = string.Join("、", CallKinds.SuggestedCategories(CallKinds.Creation));
        Input.Phases =
        [
            new(PhaseCodes.Collect, today.AddDays(1), today.AddDays(60)), new(PhaseCodes.Vote, null, null),
            new(PhaseCodes.Round1, today.AddDays(61), today.AddDays(75)), new(PhaseCodes.Round2, today.AddDays(76), today.AddDays(90)),
            new(PhaseCodes.Round3, null, null), new(PhaseCodes.Publicity, today.AddDays(91), today.AddDays(97)),
            new(PhaseCodes.Publish, today.AddDays(98), today.AddDays(98)),
        ];
        Input.Criteria = [new("科学性", "内容准确，没有科学性错误", 40, 0, 10), new("创新性", "选题和表达有新意", 30, 0, 10), new("传播性", "通俗易懂、适合目标人群", 30, 0, 10)];
        Input.Awards = [new("一等奖", 3, 10000), new("二等奖", 6, 5000), new("三等奖", 10, 2000)];
        return await PageAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ContestAccess.Runs(User))
        {
            return Forbid();
        }

        try
        {
            var view = await desk.CreateAsync(new CallRequest
            {
                Kind = Input.Kind, Title = Input.Title, Summary = Input.Summary, Organizer = Input.Organizer,
                Categories = (Input.Categories ?? "").Split(['、', ',', '，', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                Audiences = Input.Audiences, Districts = Input.Districts, MinAge = Input.MinAge, MaxAge = Input.MaxAge,
                OrganizationKinds = Input.OrganizationKinds, EntrantKinds = Input.EntrantKinds, Licence = Input.Licence, VoteWeight = Input.VoteWeight,
                Phases = Input.Phases, Criteria = Input.Criteria, Awards = Input.Awards,
            }, User, ct);
            TempData["Message"] = "征集已保存为草稿。检查无误后点“发布征集”。";
            return Redirect($"/contests/{view.Id}/manage");
        }
        catch (ValidationFailedException e)
        {
            ModelState.Apply(e);
        }

        return await PageAsync(ct);
    }

    private async Task<IActionResult> PageAsync(CancellationToken ct)
    {
        Districts = await regions.DistrictsAsync(ct);
        foreach (var (code, _) in PhaseCodes.All.Where(p => Input.Phases.All(x => x.Code != p.Code)))
        {
            Input.Phases.Add(new PhaseRequest(code, null, null));
        }

        while (Input.Criteria.Count < CriterionRows)
        {
            Input.Criteria.Add(new CriterionRequest(null, null, null, 0, 10));
        }

        while (Input.Awards.Count < AwardRows)
        {
            Input.Awards.Add(new AwardRequest(null, null, null));
        }

        return Page();
    }
}
