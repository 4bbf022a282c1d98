using Kepu.Web.Infrastructure.Errors;

namespace Kepu.Web.Features.Insights.Survey.Entities;

/// <summary>
/// A survey wave (e.g. 2026 年重庆市公民科学素质调查): a questionnaire drawn from the question bank with the national structure,
/// quota cells for online fielding (district × 城乡), and the population margins the responses are raked to.
/// </summary>
public sealed class SurveyWave
{
    private SurveyWave()
    {
    }

    public SurveyWave(int year, string title, IReadOnlyList<int> questionIds, DateTime now)
    {
        Year = year;
        Title = title;
        QuestionIds = [.. questionIds];
        CreatedAt = now;
    }

    public int Id { get; private set; }
    public int Year { get; private set; }
    public string Title { get; private set; } = "";

    /// <summary>Question bank ids, in the order asked.</summary>
    public List<int> QuestionIds { get; private set; } = [];

    public string Status { get; private set; } = WaveStatus.Draft;
    public DateTime CreatedAt { get; private set; }
    public List<QuotaCell> Quotas { get; private set; } = [];
    public List<PopulationMargin> Margins { get; private set; } = [];

    public void StartFielding()
    {
        if (Status != WaveStatus.Draft)
        {
            throw new BusinessRuleException("只有准备中的调查可以开始。");
        }

        Status = WaveStatus.Fielding;
    }

    public void Close()
    {
        if (Status != WaveStatus.Fielding)
        {
            throw new BusinessRuleException("调查没有在进行。");
        }

        Status = WaveStatus.Closed;
    }

    public void ReplaceMargins(IReadOnlyList<PopulationMargin> margins)
    {
        Margins.Clear();
        Margins.AddRange(margins);
    }

    public void ReplaceQuotas(IReadOnlyList<QuotaCell> quotas)
    {
        Quotas.Clear();
        Quotas.AddRange(quotas);
    }
}

/// <summary>At most <see cref="Target"/> online respondents from a district's urban or rural population.</summary>
public sealed class QuotaCell
{
    private QuotaCell()
    {
    }

    public QuotaCell(string district, string urban, int target)
    {
        District = district;
        Urban = urban;
        Target = target;
    }

    public int Id { get; private set; }
    public int WaveId { get; private set; }
    public string District { get; private set; } = "";
    public string Urban { get; private set; } = "";
    public int Target { get; private set; }
}

/// <summary>A population total for one level of one variable (e.g. sex = female: 15,800,000), imported by an administrator.</summary>
public sealed class PopulationMargin
{
    private PopulationMargin()
    {
    }

    public PopulationMargin(string variable, string level, double population)
    {
        Variable = variable;
        Level = level;
        Population = population;
    }

    public int Id { get; private set; }
    public int WaveId { get; private set; }
    public string Variable { get; private set; } = "";
    public string Level { get; private set; } = "";
    public double Population { get; private set; }
}
