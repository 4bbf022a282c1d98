namespace Kepu.Web.Features.Insights.Survey.Entities;

/// <summary>The respondent's profile, as asked at the start of the questionnaire.</summary>
public sealed record RespondentProfile(string District, string Urban, string Sex, string AgeGroup, string Education, string? Audience);

/// <summary>
/// One respondent's result: online (one per account per wave) or collected by an interviewer and imported (one per external id).
/// The score (0–100) is the national structure's; the design weight is 1 online and as given for imports.
/// </summary>
public sealed class SurveyResponse
{
    private SurveyResponse()
    {
    }

    public SurveyResponse(int waveId, string source, string respondentKey, RespondentProfile profile, double score, double designWeight, DateTime now)
    {
        WaveId = waveId;
        Source = source;
        RespondentKey = respondentKey;
        District = profile.District;
        Urban = profile.Urban;
        Sex = profile.Sex;
        AgeGroup = profile.AgeGroup;
        Education = profile.Education;
        Audience = profile.Audience;
        Score = score;
        DesignWeight = designWeight;
        SubmittedAt = now;
    }

    public const string Online = "online";
    public const string Imported = "import";

    public long Id { get; private set; }
    public int WaveId { get; private set; }
    public string Source { get; private set; } = Online;

    /// <summary>The account id (online) or the interviewer's respondent id (imported): unique within a wave, so nobody counts twice.</summary>
    public string RespondentKey { get; private set; } = "";

    public string District { get; private set; } = "";
    public string Urban { get; private set; } = "";
    public string Sex { get; private set; } = "";
    public string AgeGroup { get; private set; } = "";
    public string Education { get; private set; } = "";
    public string? Audience { get; private set; }
    public double Score { get; private set; }
    public double DesignWeight { get; private set; } = 1;
    public DateTime SubmittedAt { get; private set; }
}
