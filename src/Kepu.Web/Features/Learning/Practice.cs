using System.Security.Cryptography;
using System.Text;
using Kepu.Web.Features.Learning.Entities;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Learning;

public sealed record DailySet(DateOnly Day, IReadOnlyList<QuizQuestion> Questions, int? DoneRight);

public sealed record DailyResult(int Right, int Total, IReadOnlyList<AnswerResult> Answers, int PointsEarned, bool Counted);

public sealed record ChallengeView(long RunId, QuizQuestion? Question, DateTime? Deadline, int SecondsLeft, int Right, bool Over, string? EndLabel,
    AnswerResult? Last, int PointsEarned);

/// <summary>
/// 每日答题 (five questions a day, the same five all day for a person; the first submission counts for points) and
/// 挑战答题 (one question at a time, 45 seconds each on the server's clock, over at the first wrong or late answer).
/// Every answer counts towards the person's accuracy; wrong ones tell the feed what to show them.
/// </summary>
public sealed class Practice(AppDbContext db, Points points, Insights.Activity.ActivityLog activity, TimeProvider clock)
{
    public const int DailyCount = 5;

    public async Task<DailySet> DailyAsync(string userId, CancellationToken ct = default)
    {
        var day = Display.BeijingDay(clock.GetUtcNow().UtcDateTime);
        var questions = await DailyQuestionsAsync(userId, day, ct);
        var done = await db.Set<PracticeDay>().AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId && p.Day == day, ct);
        return new DailySet(day, questions.Select(CourseProgress.ToQuiz).ToList(), done?.Right);
    }

    public async Task<DailyResult> SubmitDailyAsync(string userId, IReadOnlyDictionary<int, IReadOnlyList<int>> answers, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var day = Display.BeijingDay(now);
        var questions = await DailyQuestionsAsync(userId, day, ct);
        if (answers.Keys.Any(id => questions.All(q => q.Id != id)))
        {
            throw new ValidationFailedException(new Dictionary<string, string[]> { ["answers"] = ["答案里有不属于今天题目的题。"] });
        }

        var results = questions.Select(q => new AnswerResult(q.Id, answers.TryGetValue(q.Id, out var chosen) && q.IsRight(chosen), q.Answer, q.Explanation)).ToList();
        var counted = !await db.Set<PracticeDay>().AnyAsync(p => p.UserId == userId && p.Day == day, ct);
        var earned = 0;
        if (counted)
        {
            var learner = await points.LearnerAsync(userId, ct);
            foreach (var (q, r) in questions.Zip(results))
            {
                learner.Answered(r.Right);
                if (r.Right)
                {
                    earned += await points.AwardAsync(userId, PointKinds.Daily, $"daily:{day:yyyyMMdd}:{q.Id}", ct);
                }
                else
                {
                    await points.MissedAsync(userId, q.Topic, now, ct);
                }
            }

            db.Add(new PracticeDay(userId, day, questions.Count, results.Count(r => r.Right), now));
            await activity.RecordAsync(Insights.Activity.ActivityKinds.Quiz, userId, ct: ct);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                throw new BusinessRuleException("今天的每日答题已经交过了。");
            }
        }

        return new DailyResult(results.Count(r => r.Right), results.Count, results, earned, counted);
    }

    public async Task<ChallengeView> StartChallengeAsync(string userId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var open in await db.Set<ChallengeRun>().Where(r => r.UserId == userId && r.EndedAt == null).ToListAsync(ct))
        {
            open.End("late", now); // a new run replaces one left unfinished
        }

        var first = await NextQuestionAsync([], ct) ?? throw new BusinessRuleException("题库里还没有题目。");
        var run = new ChallengeRun(userId, first, now);
        db.Add(run);
        await activity.RecordAsync(Insights.Activity.ActivityKinds.Quiz, userId, ct: ct);
        await db.SaveChangesAsync(ct);
        return await ViewAsync(run, null, 0, ct);
    }

    public async Task<ChallengeView> ChallengeAsync(long runId, string userId, CancellationToken ct = default)
    {
        var run = await RunAsync(runId, userId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (!run.Over && now > run.Deadline)
        {
            run.End("late", now);
            await db.SaveChangesAsync(ct);
        }

        return await ViewAsync(run, null, 0, ct);
    }

    public async Task<ChallengeView> AnswerChallengeAsync(long runId, string userId, int questionId, IReadOnlyList<int> chosen, CancellationToken ct = default)
    {
        var run = await RunAsync(runId, userId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var question = await db.Set<Question>().AsNoTracking().FirstOrDefaultAsync(q => q.Id == questionId, ct) ?? throw new NotFoundException("题目不存在。");
        var right = question.IsRight(chosen);
        var inTime = run.Answer(questionId, right, now);
        var learner = await points.LearnerAsync(userId, ct);
        learner.Answered(inTime);
        var earned = 0;
        if (inTime)
        {
            earned = await points.AwardAsync(userId, PointKinds.Challenge, $"challenge:{run.Id}:{questionId}", ct);
            if (await NextQuestionAsync(run.Asked, ct) is { } next)
            {
                run.Ask(next, now);
            }
            else
            {
                run.End("finished", now);
            }
        }
        else
        {
            await points.MissedAsync(userId, question.Topic, now, ct);
        }

        await db.SaveChangesAsync(ct);
        return await ViewAsync(run, new AnswerResult(question.Id, inTime, question.Answer, question.Explanation), earned, ct);
    }

    private async Task<ChallengeView> ViewAsync(ChallengeRun run, AnswerResult? last, int earned, CancellationToken ct)
    {
        var question = run.CurrentQuestionId is { } id ? await db.Set<Question>().AsNoTracking().FirstAsync(q => q.Id == id, ct) : null;
        var left = question is null ? 0 : (int)Math.Max(0, Math.Ceiling((run.Deadline - clock.GetUtcNow().UtcDateTime).TotalSeconds));
        return new ChallengeView(run.Id, question is null ? null : CourseProgress.ToQuiz(question), question is null ? null : run.Deadline, left, run.Right, run.Over,
            run.Over ? ChallengeRun.ReasonLabel(run.EndReason) : null, last, earned);
    }

    private async Task<ChallengeRun> RunAsync(long runId, string userId, CancellationToken ct) =>
        await db.Set<ChallengeRun>().FirstOrDefaultAsync(r => r.Id == runId && r.UserId == userId, ct) ?? throw new NotFoundException("没有这次挑战。");

    private async Task<int?> NextQuestionAsync(IReadOnlyList<int> asked, CancellationToken ct)
    {
        var ids = await db.Set<Question>().AsNoTracking().Where(q => q.Active && !asked.Contains(q.Id)).Select(q => q.Id).ToListAsync(ct);
        return ids.Count == 0 ? null : ids[RandomNumberGenerator.GetInt32(ids.Count)];
    }

    /// <summary>The day's five for a person: a draw seeded by who and which day, so reloading shows the same set.</summary>
    private async Task<List<Question>> DailyQuestionsAsync(string userId, DateOnly day, CancellationToken ct)
    {
        var ids = await db.Set<Question>().AsNoTracking().Where(q => q.Active).OrderBy(q => q.Id).Select(q => q.Id).ToListAsync(ct);
        var seed = BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes($"{userId}|{day:yyyyMMdd}")));
        var random = new Random(seed);
        var chosen = ids.OrderBy(_ => random.Next()).Take(DailyCount).ToList();
        var questions = await db.Set<Question>().AsNoTracking().Where(q => chosen.Contains(q.Id)).ToListAsync(ct);
        return [.. questions.OrderBy(q => chosen.IndexOf(q.Id))];
    }
}
