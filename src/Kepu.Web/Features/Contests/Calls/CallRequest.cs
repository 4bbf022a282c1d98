using System.ComponentModel.DataAnnotations;
using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Features.Contests.Entities;
using Kepu.Web.Features.Regions;
using Kepu.Web.Infrastructure.Validation;

namespace Kepu.Web.Features.Contests.Calls;

public sealed record PhaseRequest(string? Code, DateOnly? StartsOn, DateOnly? EndsOn);

public sealed record CriterionRequest(string? Name, string? Guidance, int? Weight, int? Min, int? Max);

public sealed record AwardRequest(string? Name, int? Count, int? FundingYuan);

/// <summary>A call as an editor writes it (page form and API).</summary>
public sealed record CallRequest
{
    /// <summary>creation, skills, wuxiao or award.</summary>
    public string? Kind { get; init; }

    [Required(ErrorMessage = "请填写征集名称。")]
    [StringLength(100, MinimumLength = 4, ErrorMessage = "名称需要 4 到 100 个字。")]
    [PlainText]
    public string? Title { get; init; }

    [Required(ErrorMessage = "请写明征集说明：主题、要求、奖励。")]
    [StringLength(4000, MinimumLength = 10, ErrorMessage = "征集说明需要 10 到 4000 个字。")]
    [PlainText]
    public string? Summary { get; init; }

    [Required(ErrorMessage = "请填写主办单位。")]
    [StringLength(100, ErrorMessage = "主办单位不能超过 100 个字。")]
    [PlainText]
    public string? Organizer { get; init; }

    public IReadOnlyList<string>? Categories { get; init; }
    public IReadOnlyList<string>? Audiences { get; init; }
    public IReadOnlyList<string>? Districts { get; init; }
    public int? MinAge { get; init; }
    public int? MaxAge { get; init; }
    public IReadOnlyList<string>? OrganizationKinds { get; init; }
    public IReadOnlyList<string>? EntrantKinds { get; init; }

    [StringLength(40, ErrorMessage = "许可协议不能超过 40 个字。")]
    [PlainText]
    public string? Licence { get; init; }

    /// <summary>0 to 0.5: the share of public votes in the final score; needs a vote phase when above 0.</summary>
    public double? VoteWeight { get; init; }

    public IReadOnlyList<PhaseRequest>? Phases { get; init; }
    public IReadOnlyList<CriterionRequest>? Criteria { get; init; }
    public IReadOnlyList<AwardRequest>? Awards { get; init; }

    public const int MaxCategories = 12;
    public const int MaxCriteria = 8;
    public const int MaxAwards = 6;

    /// <summary>Checks every field and returns the call's fields, or throws with every problem listed.</summary>
    public async Task<CallFields> ValidateAsync(IRegionDirectory regions, CancellationToken ct)
    {
        var v = RequestValidator.For(this);
        if (!CallKinds.IsValid(Kind))
        {
            v.Add(nameof(Kind), "请选择征集类型：科普作品创作、职业技能竞赛、五小创新或评选表彰。");
        }

        var categories = Clean(Categories);
        if (categories.Count is 0 or > MaxCategories || categories.Any(c => c.Length > 40 || TextRules.HasMarkup(c) || TextRules.HasControlCharacters(c)))
        {
            v.Add(nameof(Categories), $"请填写 1 到 {MaxCategories} 个作品类别，每个不超过 40 个字。");
        }

        var audiences = Clean(Audiences);
        if (audiences.Any(a => !Kepu.Web.Features.Accounts.Entities.Audiences.IsValid(a)))
        {
            v.Add(nameof(Audiences), "人群不在列表中。");
        }

        var districts = Clean(Districts);
        foreach (var d in districts)
        {
            if (await regions.FindDistrictAsync(d, ct) is null)
            {
                v.Add(nameof(Districts), $"没有代码为 {d} 的区县。");
            }
        }

        if (MinAge is < 3 or > 100 || MaxAge is < 3 or > 100 || (MinAge is { } lo && MaxAge is { } hi && lo > hi))
        {
            v.Add(nameof(MinAge), "年龄限制须在 3 到 100 岁之间，最小年龄不大于最大年龄。");
        }

        var orgKinds = Clean(OrganizationKinds);
        if (orgKinds.Any(k => !Kepu.Web.Features.Accounts.Entities.OrganizationKinds.IsValid(k)))
        {
            v.Add(nameof(OrganizationKinds), "单位类型不在列表中。");
        }

        var entrants = Clean(EntrantKinds);
        if (entrants.Count == 0 || entrants.Any(k => !Entities.EntrantKinds.IsValid(k)))
        {
            v.Add(nameof(EntrantKinds), "请选择可以申报的主体：个人、团队或单位。");
        }

        var phases = CheckPhases(v);
        if (VoteWeight is < 0 or > 0.5)
        {
            v.Add(nameof(VoteWeight), "公众投票权重须在 0 到 0.5 之间（最多占一半）。");
        }
        else if (VoteWeight > 0 && phases.All(p => p.Code != PhaseCodes.Vote))
        {
            v.Add(nameof(VoteWeight), "设置了投票权重，但没有“公众投票”阶段。");
        }

        var criteria = CheckCriteria(v);
        var awards = CheckAwards(v);
        v.ThrowIfInvalid();
        return new CallFields(Kind!, Title!.Trim(), Summary!.Trim(), Organizer!.Trim(), categories,
            new Eligibility(audiences, districts, MinAge, MaxAge, orgKinds, entrants), string.IsNullOrWhiteSpace(Licence) ? "CC BY-NC 4.0" : Licence.Trim(),
            VoteWeight ?? 0, phases, criteria, awards);
    }

    private List<ContestPhase> CheckPhases(RequestValidator v)
    {
        var given = (Phases ?? []).Where(p => p.StartsOn is not null || p.EndsOn is not null || !string.IsNullOrWhiteSpace(p.Code)).ToList();
        var order = PhaseCodes.All.Select(p => p.Code).ToList();
        var phases = new List<ContestPhase>();
        foreach (var p in given)
        {
            var label = p.Code is null ? "阶段" : PhaseCodes.Label(p.Code);
            if (p.Code is null || !order.Contains(p.Code) || phases.Any(x => x.Code == p.Code))
            {
                v.Add(nameof(Phases), $"阶段“{p.Code}”不认识或重复了。");
            }
            else if (p.StartsOn is not { } from || p.EndsOn is not { } to || to < from)
            {
                v.Add(nameof(Phases), $"{label}阶段需要开始和结束日期，结束不早于开始。");
            }
            else
            {
                phases.Add(new ContestPhase(p.Code, from, to));
            }
        }

        foreach (var required in new[] { PhaseCodes.Collect, PhaseCodes.Round1, PhaseCodes.Publicity, PhaseCodes.Publish })
        {
            if (phases.All(p => p.Code != required) && !given.Any(g => g.Code == required))
            {
                v.Add(nameof(Phases), $"缺少“{PhaseCodes.Label(required)}”阶段的日期。");
            }
        }

        if (phases.Any(p => p.Code == PhaseCodes.Round3) && phases.All(p => p.Code != PhaseCodes.Round2))
        {
            v.Add(nameof(Phases), "有终评就要有复评：评审轮次须连续（初评、复评、终评）。");
        }

        // Review, publicity and publication follow one another; voting may overlap collection and review but ends before publicity.
        var sequence = phases.Where(p => p.Code != PhaseCodes.Vote).OrderBy(p => order.IndexOf(p.Code)).ToList();
        for (var i = 1; i < sequence.Count; i++)
        {
            if (sequence[i].StartsOn <= sequence[i - 1].EndsOn)
            {
                v.Add(nameof(Phases), $"“{PhaseCodes.Label(sequence[i].Code)}”要在“{PhaseCodes.Label(sequence[i - 1].Code)}”结束以后开始。");
            }
        }

        if (phases.FirstOrDefault(p => p.Code == PhaseCodes.Vote) is { } vote && phases.FirstOrDefault(p => p.Code == PhaseCodes.Publicity) is { } publicity
            && vote.EndsOn >= publicity.StartsOn)
        {
            v.Add(nameof(Phases), "公众投票要在公示开始以前结束。");
        }

        return phases;
    }

    private List<ContestCriterion> CheckCriteria(RequestValidator v)
    {
        var given = (Criteria ?? []).Where(c => !string.IsNullOrWhiteSpace(c.Name) || c.Weight is not null).ToList();
        if (given.Count is 0 or > MaxCriteria)
        {
            v.Add(nameof(Criteria), $"评分标准需要 1 到 {MaxCriteria} 项。");
            return [];
        }

        var criteria = new List<ContestCriterion>();
        for (var i = 0; i < given.Count; i++)
        {
            var c = given[i];
            var name = c.Name?.Trim() ?? "";
            if (name.Length is 0 or > 40 || TextRules.HasMarkup(name) || TextRules.HasControlCharacters(name))
            {
                v.Add(nameof(Criteria), $"第 {i + 1} 项评分标准需要名称（不超过 40 个字）。");
            }
            else if (c.Weight is not (>= 1 and <= 100))
            {
                v.Add(nameof(Criteria), $"“{name}”的权重须在 1 到 100 之间。");
            }
            else if (c.Min is not { } min || c.Max is not { } max || min < 0 || max > 100 || max <= min)
            {
                v.Add(nameof(Criteria), $"“{name}”的分数范围须在 0 到 100 之间，最高分大于最低分。");
            }
            else if ((c.Guidance ?? "").Length > 200 || TextRules.HasMarkup(c.Guidance ?? ""))
            {
                v.Add(nameof(Criteria), $"“{name}”的评分说明不能超过 200 个字，不能含标记。");
            }
            else
            {
                criteria.Add(new ContestCriterion(i + 1, name, (c.Guidance ?? "").Trim(), c.Weight.Value, min, max));
            }
        }

        if (criteria.Count == given.Count && criteria.Sum(c => c.Weight) != 100)
        {
            v.Add(nameof(Criteria), $"各项权重之和须为 100（现在是 {criteria.Sum(c => c.Weight)}）。");
        }

        if (criteria.Select(c => c.Name).Distinct().Count() != criteria.Count)
        {
            v.Add(nameof(Criteria), "评分标准的名称不能重复。");
        }

        return criteria;
    }

    private List<ContestAward> CheckAwards(RequestValidator v)
    {
        var given = (Awards ?? []).Where(a => !string.IsNullOrWhiteSpace(a.Name) || a.Count is not null).ToList();
        if (given.Count is 0 or > MaxAwards)
        {
            v.Add(nameof(Awards), $"请设置 1 到 {MaxAwards} 个奖项等级。");
            return [];
        }

        var awards = new List<ContestAward>();
        for (var i = 0; i < given.Count; i++)
        {
            var a = given[i];
            var name = a.Name?.Trim() ?? "";
            if (name.Length is 0 or > 40 || TextRules.HasMarkup(name))
            {
                v.Add(nameof(Awards), $"第 {i + 1} 个奖项需要名称（不超过 40 个字）。");
            }
            else if (a.Count is not (>= 1 and <= 1000))
            {
                v.Add(nameof(Awards), $"“{name}”的名额须在 1 到 1000 之间。");
            }
            else if (a.FundingYuan is < 0 or > 10_000_000)
            {
                v.Add(nameof(Awards), $"“{name}”的资助金额须在 0 到 1000 万元之间。");
            }
            else
            {
                awards.Add(new ContestAward(i + 1, name, a.Count.Value, a.FundingYuan ?? 0));
            }
        }

        return awards;
    }

    private static List<string> Clean(IReadOnlyList<string>? values) =>
        (values ?? []).Select(x => x?.Trim() ?? "").Where(x => x.Length > 0).Distinct().ToList();
}
