using System.Security.Claims;
using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Insights.Survey.Entities;
using Kepu.Web.Features.Learning;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Insights.Survey;

public sealed record OnlineAnswers(string? District, string? Urban, string? Sex, string? AgeGroup, string? Education, IReadOnlyDictionary<int, IReadOnlyList<int>>? Answers);

public sealed record Questionnaire(int WaveId, string Title, IReadOnlyList<AskedQuestion> Questions, bool AlreadyAnswered);

public sealed record OnlineResult(double Score, string Band, IReadOnlyDictionary<string, double> ByDimension);

/// <summary>
/// Online fielding: a signed-in person aged 18–69 answers the wave's questionnaire once (one response per account, held by a unique
/// index); when the wave has quota cells, a full cell (district × 城乡) takes no more respondents. Scored on the server.
/// </summary>
public sealed class OnlineSurvey(AppDbContext db, SurveyQuestions questions, SurveyImports imports, IAccountDirectory accounts, TimeProvider clock)
{
    public async Task<Questionnaire?> CurrentAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var wave = await db.Set<SurveyWave>().AsNoTracking().Where(w => w.Status == WaveStatus.Fielding).OrderByDescending(w => w.Id).FirstOrDefaultAsync(ct);
        if (wave is null)
        {
            return null;
        }

        var me = user.UserId();
        var answered = me is not null && await db.Set<SurveyResponse>().AnyAsync(r => r.WaveId == wave.Id && r.RespondentKey == "online:" + me, ct);
        return new Questionnaire(wave.Id, wave.Title, await questions.GetAsync(wave.QuestionIds, ct), answered);
    }

    public async Task<OnlineResult> SubmitAsync(int waveId, OnlineAnswers a, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var me = user.UserId() ?? throw new ForbiddenException("请先登录再参加调查。");
        var wave = await db.Set<SurveyWave>().FirstOrDefaultAsync(w => w.Id == waveId, ct) ?? throw new NotFoundException($"调查 {waveId} 不存在。");
        if (wave.Status != WaveStatus.Fielding)
        {
            throw new BusinessRuleException("这次调查没有在进行。");
        }

        var levels = await imports.LevelsAsync(ct);
        var errors = new Dictionary<string, string[]>();
        void Check(string field, string? value, string message)
        {
            if (value is null || !levels[field].Contains(value))
            {
                errors[field] = [message];
            }
        }

        Check("district", a.District, "请选择您常住的区县。");
        Check("urban", a.Urban, "请选择城镇或农村。");
        Check("sex", a.Sex, "请选择性别。");
        Check("ageGroup", a.AgeGroup, "请选择年龄段（调查对象为 18–69 岁）。");
        Check("education", a.Education, "请选择文化程度。");
        var answers = a.Answers ?? new Dictionary<int, IReadOnlyList<int>>();
        var unanswered = wave.QuestionIds.Count(id => !answers.TryGetValue(id, out var chosen) || chosen.Count == 0);
        if (unanswered > 0)
        {
            errors["answers"] = [$"还有 {unanswered} 道题没有作答，请全部回答。"];
        }

        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }

        if (await db.Set<SurveyResponse>().AnyAsync(r => r.WaveId == waveId && r.RespondentKey == "online:" + me, ct))
        {
            throw new BusinessRuleException("您已经参加过这次调查了，谢谢！");
        }

        if (wave.Quotas.Count > 0)
        {
            var cell = wave.Quotas.FirstOrDefault(q => q.District == a.District && q.Urban == a.Urban);
            var taken = await db.Set<SurveyResponse>().CountAsync(r => r.WaveId == waveId && r.Source == SurveyResponse.Online && r.District == a.District && r.Urban == a.Urban, ct);
            if (cell is null || taken >= cell.Target)
            {
                throw new BusinessRuleException("您所在区县这一类（城镇/农村）的样本已经收满了，谢谢您的参与！");
            }
        }

        var marks = await questions.MarkAsync(answers, wave.QuestionIds, ct);
        var asked = await questions.GetAsync(wave.QuestionIds, ct);
        var byDimension = asked.GroupBy(q => q.Dimension).ToDictionary(g => g.Key,
            g => Math.Round(g.Count(q => marks.GetValueOrDefault(q.Id)) * (double)SurveyCodes.DimensionPoints.GetValueOrDefault(g.Key) / g.Count(), 2));
        var score = Math.Round(byDimension.Values.Sum(), 2);

        // The audience group comes from the account (the first one chosen), so estimates can be given by group.
        var audience = (await accounts.ProfileAsync(me, ct))?.Audiences is [var first, ..] ? first : null;
        db.Add(new SurveyResponse(waveId, SurveyResponse.Online, "online:" + me,
            new RespondentProfile(a.District!, a.Urban!, a.Sex!, a.AgeGroup!, a.Education!, audience), score, 1, clock.GetUtcNow().UtcDateTime));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new BusinessRuleException("您已经参加过这次调查了，谢谢！");
        }

        return new OnlineResult(score, SurveyCodes.Band(score), byDimension);
    }
}
