using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Features.Contests.Entities;
using Kepu.Web.Infrastructure.Web;

namespace Kepu.Web.Features.Contests.Calls;

public sealed record PhaseView(string Code, string Label, DateOnly StartsOn, DateOnly EndsOn);

public sealed record CriterionView(int Id, string Name, string Guidance, int Weight, int Min, int Max);

public sealed record AwardView(int Id, string Name, int Count, int FundingYuan);

public sealed record CallSummary(int Id, string Kind, string KindLabel, string Title, string Organizer, string Stage, string StageLabel,
    DateOnly CollectFrom, DateOnly CollectUntil, bool Collecting, bool Voting, int Entries);

public sealed record CallView(int Id, string Kind, string KindLabel, string Title, string Summary, string Organizer, IReadOnlyList<string> Categories,
    IReadOnlyList<string> Audiences, IReadOnlyList<string> Districts, int? MinAge, int? MaxAge, IReadOnlyList<string> OrganizationKinds,
    IReadOnlyList<string> EntrantKinds, string EligibilityText, string Licence, double VoteWeight, string Stage, string StageLabel, int CurrentRound,
    int RoundCount, IReadOnlyList<PhaseView> Phases, IReadOnlyList<CriterionView> Criteria, IReadOnlyList<AwardView> Awards, DateTime SubmissionDeadline,
    bool Collecting, bool Voting, DateTime? PublicityUntil, DateTime? PublishedAt, int Entries)
{
    public static CallView Of(ContestCall c, int entries, DateTime now, IReadOnlyDictionary<string, string> districtNames) => new(c.Id, c.Kind,
        CallKinds.Label(c.Kind), c.Title, c.Summary, c.Organizer, c.Categories, c.Audiences, c.Districts, c.MinAge, c.MaxAge, c.OrganizationKinds,
        c.EntrantKinds, EligibilityOf(c, districtNames), c.Licence, c.VoteWeight, c.Stage, CallStages.Label(c.Stage), c.CurrentRound, c.RoundCount,
        [.. c.Phases.OrderBy(p => p.StartsOn).ThenBy(p => p.Code).Select(p => new PhaseView(p.Code, PhaseLabel(p.Code, c.RoundCount), p.StartsOn, p.EndsOn))],
        [.. c.Criteria.OrderBy(x => x.Position).Select(x => new CriterionView(x.Id, x.Name, x.Guidance, x.Weight, x.Min, x.Max))],
        [.. c.Awards.OrderBy(x => x.Position).Select(x => new AwardView(x.Id, x.Name, x.Count, x.FundingYuan))], c.SubmissionDeadline, c.IsCollecting(now),
        c.IsVoting(now), c.PublicityUntil, c.PublishedAt, entries);

    /// <summary>A phase's name; with two rounds the second is 终评.</summary>
    public static string PhaseLabel(string code, int rounds) =>
        code.StartsWith("round", StringComparison.Ordinal) ? PhaseCodes.RoundLabel(code[5] - '0', rounds) : PhaseCodes.Label(code);

    /// <summary>The eligibility rules in one Chinese sentence.</summary>
    public static string EligibilityOf(ContestCall c, IReadOnlyDictionary<string, string> districtNames)
    {
        var parts = new List<string> { "申报主体：" + string.Join("、", c.EntrantKinds.Select(Entities.EntrantKinds.Label)) };
        if (c.Audiences.Count > 0)
        {
            parts.Add("人群：" + string.Join("、", c.Audiences.Select(Accounts.Entities.Audiences.Label)));
        }

        if (c.Districts.Count > 0)
        {
            parts.Add("区县：" + string.Join("、", c.Districts.Select(d => districtNames.GetValueOrDefault(d, d))));
        }

        if (c.MinAge is not null || c.MaxAge is not null)
        {
            parts.Add($"年龄：{(c.MinAge is { } lo ? $"{lo} 岁" : "不限")}至{(c.MaxAge is { } hi ? $" {hi} 岁" : "不限")}（以征集截止日计）");
        }

        if (c.OrganizationKinds.Count > 0)
        {
            parts.Add("单位类型：" + string.Join("、", c.OrganizationKinds.Select(Accounts.Entities.OrganizationKinds.Label)));
        }

        return string.Join("；", parts) + "。";
    }

    public string DeadlineText => Display.Beijing(SubmissionDeadline.AddSeconds(-1), "yyyy-MM-dd HH:mm");
}
