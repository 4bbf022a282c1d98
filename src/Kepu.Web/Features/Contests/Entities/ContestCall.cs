using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Web;

namespace Kepu.Web.Features.Contests.Entities;

/// <summary>Who may enter a call. Empty lists mean "anyone"; ages are checked on the last day of collection.</summary>
public sealed record Eligibility(IReadOnlyList<string> Audiences, IReadOnlyList<string> Districts, int? MinAge, int? MaxAge,
    IReadOnlyList<string> OrganizationKinds, IReadOnlyList<string> EntrantKinds);

/// <summary>What an editor sets for a call.</summary>
public sealed record CallFields(string Kind, string Title, string Summary, string Organizer, IReadOnlyList<string> Categories, Eligibility Eligibility,
    string Licence, double VoteWeight, IReadOnlyList<ContestPhase> Phases, IReadOnlyList<ContestCriterion> Criteria, IReadOnlyList<ContestAward> Awards);

/// <summary>
/// A call (征集): creation contests, skill contests, 五小 and award nominations. It has dated phases
/// (征集 → optional 公众投票 → 初评/复评/终评 → 公示 → 公布), categories, eligibility rules, a rubric and award levels with funding.
/// The stage moves forward only: draft → open → review → publicity → published.
/// </summary>
public sealed class ContestCall
{
    private ContestCall()
    {
    }

    public ContestCall(CallFields fields, string createdBy, DateTime now)
    {
        CreatedBy = createdBy;
        CreatedAt = now;
        Apply(fields);
    }

    public int Id { get; private set; }
    public string Kind { get; private set; } = CallKinds.Creation;
    public string Title { get; private set; } = "";
    public string Summary { get; private set; } = "";
    public string Organizer { get; private set; } = "";
    public List<string> Categories { get; private set; } = [];
    public List<string> Audiences { get; private set; } = [];
    public List<string> Districts { get; private set; } = [];
    public int? MinAge { get; private set; }
    public int? MaxAge { get; private set; }
    public List<string> OrganizationKinds { get; private set; } = [];
    public List<string> EntrantKinds { get; private set; } = [];

    /// <summary>The licence winning works are published under in the library.</summary>
    public string Licence { get; private set; } = "CC BY-NC 4.0";

    /// <summary>Share of public votes in the final score (0 to 0.5); only used when the call has a voting phase.</summary>
    public double VoteWeight { get; private set; }

    public string Stage { get; private set; } = CallStages.Draft;

    /// <summary>The review round in progress or last closed (0 before review).</summary>
    public int CurrentRound { get; private set; }

    public DateTime? PublicityUntil { get; private set; }
    public DateTime? PublishedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public int Version { get; private set; }

    public List<ContestPhase> Phases { get; private set; } = [];
    public List<ContestCriterion> Criteria { get; private set; } = [];
    public List<ContestAward> Awards { get; private set; } = [];

    public int RoundCount => Phases.Count(p => p.Code.StartsWith("round", StringComparison.Ordinal));

    public bool HasVoting => Phases.Any(p => p.Code == PhaseCodes.Vote);

    public ContestPhase? Phase(string code) => Phases.FirstOrDefault(p => p.Code == code);

    public ContestPhase CollectPhase => Phase(PhaseCodes.Collect) ?? throw new InvalidOperationException("call without a collect phase");

    /// <summary>The last moment a submission is accepted: the end of the collection phase's last day, Beijing time.</summary>
    public DateTime SubmissionDeadline => Display.FromBeijing(CollectPhase.EndsOn.AddDays(1), TimeOnly.MinValue);

    public DateTime SubmissionOpens => Display.FromBeijing(CollectPhase.StartsOn, TimeOnly.MinValue);

    public bool IsCollecting(DateTime now) => Stage == CallStages.Open && now >= SubmissionOpens && now < SubmissionDeadline;

    public bool IsVoting(DateTime now) => Phase(PhaseCodes.Vote) is { } vote && Stage is CallStages.Open or CallStages.Review
        && now >= Display.FromBeijing(vote.StartsOn, TimeOnly.MinValue) && now < Display.FromBeijing(vote.EndsOn.AddDays(1), TimeOnly.MinValue);

    public bool IsPublic => Stage != CallStages.Draft;

    public void Edit(CallFields fields)
    {
        if (Stage != CallStages.Draft && Stage != CallStages.Open)
        {
            throw new BusinessRuleException("评审开始以后，征集的规则、评分标准和日期不能再改。");
        }

        if (Stage == CallStages.Open && (fields.Criteria.Count != Criteria.Count || fields.Phases.Count != Phases.Count))
        {
            throw new BusinessRuleException("征集已经发布：可以修改文字和日期，但不能增减评审轮次或评分项。");
        }

        Apply(fields);
        Version++;
    }

    public void Open()
    {
        if (Stage != CallStages.Draft)
        {
            throw new BusinessRuleException("只有草稿可以发布。");
        }

        Stage = CallStages.Open;
        Version++;
    }

    /// <summary>Starts review round <paramref name="number"/>; round 1 only after the collection deadline.</summary>
    public void StartRound(int number, DateTime now)
    {
        if (number < 1 || number > RoundCount)
        {
            throw new BusinessRuleException($"这个征集共有 {RoundCount} 轮评审。");
        }

        if (number == 1)
        {
            if (Stage != CallStages.Open)
            {
                throw new BusinessRuleException("征集发布之后、评审开始之前才能开始初评。");
            }

            if (now < SubmissionDeadline)
            {
                throw new BusinessRuleException($"征集要到 {Display.Beijing(SubmissionDeadline)} 才截止，截止以后才能开始评审。");
            }

            Stage = CallStages.Review;
        }
        else if (Stage != CallStages.Review || CurrentRound != number - 1)
        {
            throw new BusinessRuleException("上一轮评审结束以后才能开始下一轮。");
        }

        CurrentRound = number;
        Version++;
    }

    /// <summary>After the last round: the ranking goes up for 公示 for the call's publicity days.</summary>
    public void StartPublicity(DateTime now)
    {
        if (Stage != CallStages.Review || CurrentRound != RoundCount)
        {
            throw new BusinessRuleException("所有评审轮次结束以后才能排名公示。");
        }

        var publicity = Phase(PhaseCodes.Publicity)!;
        var days = Math.Max(1, publicity.EndsOn.DayNumber - publicity.StartsOn.DayNumber + 1);
        Stage = CallStages.Publicity;
        PublicityUntil = now.AddDays(days);
        Version++;
    }

    public bool InPublicity(DateTime now) => Stage == CallStages.Publicity && now < PublicityUntil;

    public void Publish(DateTime now)
    {
        if (Stage != CallStages.Publicity)
        {
            throw new BusinessRuleException("结果要先公示，才能公布。");
        }

        if (now < PublicityUntil)
        {
            throw new BusinessRuleException($"公示期到 {Display.Beijing(PublicityUntil!.Value)} 结束，结束以后才能公布。");
        }

        Stage = CallStages.Published;
        PublishedAt = now;
        Version++;
    }

    /// <summary>A weighted rubric total on a 0–100 scale: Σ weight·(score − min)/(max − min), weights summing to 100.</summary>
    public decimal Total(IReadOnlyDictionary<int, int> scoresByCriterion) =>
        Math.Round(Criteria.Sum(c => c.Weight * (decimal)(scoresByCriterion[c.Id] - c.Min) / (c.Max - c.Min)), 2);

    private void Apply(CallFields f)
    {
        Kind = f.Kind;
        Title = f.Title;
        Summary = f.Summary;
        Organizer = f.Organizer;
        Categories = [.. f.Categories];
        Audiences = [.. f.Eligibility.Audiences];
        Districts = [.. f.Eligibility.Districts];
        MinAge = f.Eligibility.MinAge;
        MaxAge = f.Eligibility.MaxAge;
        OrganizationKinds = [.. f.Eligibility.OrganizationKinds];
        EntrantKinds = [.. f.Eligibility.EntrantKinds];
        Licence = f.Licence;
        VoteWeight = f.VoteWeight;
        Replace(Phases, f.Phases, (old, @new) => old.Update(@new.StartsOn, @new.EndsOn), p => p.Code);
        Replace(Criteria, f.Criteria, (old, @new) => old.Update(@new), c => c.Position.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Replace(Awards, f.Awards, (old, @new) => old.Update(@new), a => a.Position.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Keeps rows whose key survives (so criterion ids stay stable for scores), adds new ones, drops the rest.</summary>
    private static void Replace<T>(List<T> current, IReadOnlyList<T> next, Action<T, T> update, Func<T, string> key)
    {
        var wanted = next.ToDictionary(key);
        current.RemoveAll(c => !wanted.ContainsKey(key(c)));
        foreach (var item in next)
        {
            var existing = current.FirstOrDefault(c => key(c) == key(item));
            if (existing is null)
            {
                current.Add(item);
            }
            else
            {
                update(existing, item);
            }
        }
    }
}

/// <summary>A dated phase of a call, Beijing calendar days inclusive.</summary>
public sealed class ContestPhase
{
    private ContestPhase()
    {
    }

    public ContestPhase(string code, DateOnly startsOn, DateOnly endsOn)
    {
        Code = code;
        StartsOn = startsOn;
        EndsOn = endsOn;
    }

    public int Id { get; private set; }
    public int CallId { get; private set; }
    public string Code { get; private set; } = "";
    public DateOnly StartsOn { get; private set; }
    public DateOnly EndsOn { get; private set; }

    public void Update(DateOnly startsOn, DateOnly endsOn)
    {
        StartsOn = startsOn;
        EndsOn = endsOn;
    }
}

/// <summary>A rubric criterion: its weight (the weights of a call sum to 100) and the range of scores a reviewer may give.</summary>
public sealed class ContestCriterion
{
    private ContestCriterion()
    {
    }

    public ContestCriterion(int position, string name, string guidance, int weight, int min, int max)
    {
        Position = position;
        Name = name;
        Guidance = guidance;
        Weight = weight;
        Min = min;
        Max = max;
    }

    public int Id { get; private set; }
    public int CallId { get; private set; }
    public int Position { get; private set; }
    public string Name { get; private set; } = "";
    public string Guidance { get; private set; } = "";
    public int Weight { get; private set; }
    public int Min { get; private set; }
    public int Max { get; private set; }

    public void Update(ContestCriterion other)
    {
        Name = other.Name;
        Guidance = other.Guidance;
        Weight = other.Weight;
        Min = other.Min;
        Max = other.Max;
    }
}

/// <summary>An award level (一等奖 …) with how many are given and the funding (资助) each receives, in yuan.</summary>
public sealed class ContestAward
{
    private ContestAward()
    {
    }

    public ContestAward(int position, string name, int count, int fundingYuan)
    {
        Position = position;
        Name = name;
        Count = count;
        FundingYuan = fundingYuan;
    }

    public int Id { get; private set; }
    public int CallId { get; private set; }
    public int Position { get; private set; }
    public string Name { get; private set; } = "";
    public int Count { get; private set; }
    public int FundingYuan { get; private set; }

    public void Update(ContestAward other)
    {
        Name = other.Name;
        Count = other.Count;
        FundingYuan = other.FundingYuan;
    }
}
