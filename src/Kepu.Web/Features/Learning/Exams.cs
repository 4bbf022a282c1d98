using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Features.Learning.Entities;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Learning;

public sealed record ExamRequest(int OrganizationId, string? Title, IReadOnlyList<BlueprintLine>? Blueprint, int Minutes, DateTime OpensAt, DateTime ClosesAt, int PassMark);

public sealed record ExamCard(int Id, string Title, string Unit, int Questions, int Minutes, DateTime OpensAt, DateTime ClosesAt, int PassMark, bool Open,
    long? AttemptId, int? Score, bool? Passed);

public sealed record ExamPaper(long AttemptId, string Title, DateTime Deadline, int SecondsLeft, IReadOnlyList<QuizQuestion> Questions, int? Score, bool Passed,
    bool Late, int PassMark, string? CertificateCode);

/// <summary>
/// Exams for officials: a unit's manager (or an administrator) sets one from a blueprint; each member of the unit and
/// its departments gets a fresh random paper with options shuffled, timed on the server within the exam's window;
/// the result is scored on the server and recorded on the ledger, with a certificate when passed.
/// </summary>
public sealed class Exams(AppDbContext db, IAccountDirectory accounts, Certificates certificates, Insights.Activity.ActivityLog activity, TimeProvider clock)
{
    public async Task<int> CreateAsync(ExamRequest request, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var me = LearningApi.Me(user);
        await EnsureManagesAsync(user, request.OrganizationId, ct);
        if (string.IsNullOrWhiteSpace(request.Title) || request.Title.Trim().Length > 60)
        {
            throw new ValidationFailedException(new Dictionary<string, string[]> { ["title"] = ["请填写考试名称（最多 60 个字）。"] });
        }

        var exam = new Exam(request.OrganizationId, request.Title.Trim(), request.Blueprint ?? [], request.Minutes, Utc(request.OpensAt), Utc(request.ClosesAt),
            request.PassMark, me, clock.GetUtcNow().UtcDateTime);
        foreach (var line in exam.Blueprint)
        {
            var available = await db.Set<Question>().CountAsync(q => q.Active && q.Dimension == line.Dimension && q.Difficulty == line.Difficulty, ct);
            if (available < line.Count)
            {
                throw new BusinessRuleException($"题库里“{Dimensions.Label(line.Dimension)}”难度 {line.Difficulty} 的题只有 {available} 道，不够抽 {line.Count} 道。");
            }
        }

        db.Add(exam);
        await db.SaveChangesAsync(ct);
        return exam.Id;
    }

    /// <summary>Exams for the units the person belongs to (or that their department belongs to), with their own result.</summary>
    public async Task<IReadOnlyList<ExamCard>> MineAsync(string userId, CancellationToken ct = default)
    {
        var tree = await accounts.OrganizationTreeAsync(ct);
        var units = Ancestors(tree, await accounts.OrganizationIdsAsync(userId, ct));
        var exams = await db.Set<Exam>().AsNoTracking().Where(e => units.Contains(e.OrganizationId)).OrderByDescending(e => e.OpensAt).ToListAsync(ct);
        var ids = exams.Select(e => e.Id).ToList();
        var attempts = await db.Set<ExamAttempt>().AsNoTracking().Where(a => a.UserId == userId && ids.Contains(a.ExamId)).ToDictionaryAsync(a => a.ExamId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return exams.Select(e => Card(e, tree, attempts.GetValueOrDefault(e.Id), now)).ToList();
    }

    /// <summary>The exams set for a unit (newest first), for its managers.</summary>
    public async Task<IReadOnlyList<ExamCard>> ForUnitAsync(int organizationId, CancellationToken ct = default)
    {
        var tree = await accounts.OrganizationTreeAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return (await db.Set<Exam>().AsNoTracking().Where(e => e.OrganizationId == organizationId).OrderByDescending(e => e.OpensAt).ToListAsync(ct))
            .Select(e => Card(e, tree, null, now)).ToList();
    }

    /// <summary>Starts (or resumes) the person's paper: drawn once, per blueprint, options shuffled.</summary>
    public async Task<long> StartAsync(int examId, string userId, CancellationToken ct = default)
    {
        var exam = await db.Set<Exam>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == examId, ct) ?? throw new NotFoundException($"考试 {examId} 不存在。");
        if (!(await MineAsync(userId, ct)).Any(e => e.Id == examId))
        {
            throw new ForbiddenException("这场考试不是为您所在的单位安排的。");
        }

        if (await db.Set<ExamAttempt>().AsNoTracking().FirstOrDefaultAsync(a => a.ExamId == examId && a.UserId == userId, ct) is { } existing)
        {
            return existing.Id;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (!exam.IsOpen(now))
        {
            throw new BusinessRuleException(now < exam.OpensAt ? "考试还没有开始。" : "考试已经截止。");
        }

        var questions = new List<int>();
        foreach (var line in exam.Blueprint)
        {
            var pool = await db.Set<Question>().AsNoTracking().Where(q => q.Active && q.Dimension == line.Dimension && q.Difficulty == line.Difficulty)
                .Select(q => q.Id).ToListAsync(ct);
            if (pool.Count < line.Count)
            {
                throw new BusinessRuleException($"题库里“{Dimensions.Label(line.Dimension)}”难度 {line.Difficulty} 的题不够，请联系出题单位。");
            }

            questions.AddRange(Shuffle(pool).Take(line.Count));
        }

        questions = Shuffle(questions);
        var optionCounts = await db.Set<Question>().AsNoTracking().Where(q => questions.Contains(q.Id)).ToDictionaryAsync(q => q.Id, q => q.Options.Count, ct);
        var orders = questions.Select(q => string.Join(',', Shuffle(Enumerable.Range(0, optionCounts[q]).ToList()))).ToList();
        var deadline = now.AddMinutes(exam.Minutes) < exam.ClosesAt ? now.AddMinutes(exam.Minutes) : exam.ClosesAt;
        var attempt = new ExamAttempt(examId, userId, questions, orders, now, deadline);
        db.Add(attempt);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return (await db.Set<ExamAttempt>().AsNoTracking().FirstAsync(a => a.ExamId == examId && a.UserId == userId, ct)).Id; // started twice at once
        }

        return attempt.Id;
    }

    public async Task<ExamPaper> PaperAsync(long attemptId, string userId, CancellationToken ct = default)
    {
        var attempt = await db.Set<ExamAttempt>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == attemptId && a.UserId == userId, ct)
            ?? throw new NotFoundException("没有这份试卷。");
        var exam = await db.Set<Exam>().AsNoTracking().FirstAsync(e => e.Id == attempt.ExamId, ct);
        var questions = await db.Set<Question>().AsNoTracking().Where(q => attempt.Questions.Contains(q.Id)).ToDictionaryAsync(q => q.Id, ct);
        var shown = attempt.Questions.Select(id =>
        {
            var q = questions[id];
            var order = attempt.Order(id);
            return new QuizQuestion(q.Id, q.Kind, QuestionKinds.Label(q.Kind), q.Stem, order.Select((original, position) => new QuizOption(position, q.Options[original])).ToList());
        }).ToList();
        var left = attempt.SubmittedAt is null ? (int)Math.Max(0, Math.Ceiling((attempt.Deadline - clock.GetUtcNow().UtcDateTime).TotalSeconds)) : 0;
        return new ExamPaper(attempt.Id, exam.Title, attempt.Deadline, left, shown, attempt.Score, attempt.Passed, attempt.Late, exam.PassMark, attempt.CertificateCode);
    }

    /// <summary>
    /// Scores the paper (answers are the positions shown). Sent after the deadline and its grace, the answers do not
    /// count and the paper scores 0. The result goes on the ledger either way; a pass also gets a certificate.
    /// </summary>
    public async Task<ExamPaper> SubmitAsync(long attemptId, string userId, string holderName, IReadOnlyDictionary<int, IReadOnlyList<int>> answers, CancellationToken ct = default)
    {
        var attempt = await db.Set<ExamAttempt>().FirstOrDefaultAsync(a => a.Id == attemptId && a.UserId == userId, ct) ?? throw new NotFoundException("没有这份试卷。");
        if (attempt.SubmittedAt is not null)
        {
            throw new BusinessRuleException("这份试卷已经交过了。");
        }

        var exam = await db.Set<Exam>().AsNoTracking().FirstAsync(e => e.Id == attempt.ExamId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var late = !attempt.InTime(now);
        var questions = await db.Set<Question>().AsNoTracking().Where(q => attempt.Questions.Contains(q.Id)).ToDictionaryAsync(q => q.Id, ct);
        var right = late ? 0 : attempt.Questions.Count(id => answers.TryGetValue(id, out var shown)
            && questions[id].IsRight(shown.Where(p => p >= 0 && p < attempt.Order(id).Count).Select(p => attempt.Order(id)[p])));
        var score = (int)Math.Round(100.0 * right / attempt.Questions.Count);
        var passed = score >= exam.PassMark;
        await using var session = await certificates.BeginAsync(ct);
        var entry = session.Ledger.Append(LedgerKinds.ExamResult, userId, new { exam = exam.Id, title = exam.Title, attempt = attempt.Id, score, passed, late }, now);
        var certificate = passed ? session.Issue(userId, holderName, "exam", exam.Title, $"成绩 {score} 分（{exam.PassMark} 分及格）", now) : null;
        attempt.Submit(score, passed, late, entry.Sequence, certificate?.Code, now);
        await activity.RecordAsync(Insights.Activity.ActivityKinds.Quiz, userId, ct: ct);

        await session.CommitAsync(ct);
        return await PaperAsync(attemptId, userId, ct);
    }

    /// <summary>Managers of the unit (or the unit above it) and administrators.</summary>
    public async Task EnsureManagesAsync(ClaimsPrincipal user, int organizationId, CancellationToken ct)
    {
        if (user.IsInRole(Roles.Admin))
        {
            return;
        }

        var tree = await accounts.OrganizationTreeAsync(ct);
        var above = Ancestors(tree, [organizationId]);
        var me = LearningApi.Me(user);
        var managed = (await accounts.MembersAsync(above, ct)).Any(m => m.UserId == me && m.IsManager);
        if (!managed)
        {
            throw new ForbiddenException("只有本单位（或上级单位）的管理员可以安排考试和查看报表。");
        }
    }

    /// <summary>The given organisations and every unit above them.</summary>
    internal static HashSet<int> Ancestors(IReadOnlyList<OrganizationNode> tree, IEnumerable<int> ids)
    {
        var parents = tree.ToDictionary(o => o.Id, o => o.ParentId);
        var result = new HashSet<int>();
        foreach (var id in ids)
        {
            for (int? at = id; at is { } current && result.Add(current); at = parents.GetValueOrDefault(current))
            {
            }
        }

        return result;
    }

    /// <summary>The given organisation and every department below it.</summary>
    internal static HashSet<int> Descendants(IReadOnlyList<OrganizationNode> tree, int id)
    {
        var result = new HashSet<int> { id };
        bool grew;
        do
        {
            grew = false;
            foreach (var o in tree.Where(o => o.ParentId is { } p && result.Contains(p)))
            {
                grew |= result.Add(o.Id);
            }
        }
        while (grew);
        return result;
    }

    private static ExamCard Card(Exam e, IReadOnlyList<OrganizationNode> tree, ExamAttempt? attempt, DateTime now) =>
        new(e.Id, e.Title, tree.FirstOrDefault(o => o.Id == e.OrganizationId)?.Name ?? "", e.QuestionCount, e.Minutes, e.OpensAt, e.ClosesAt, e.PassMark, e.IsOpen(now),
            attempt?.Id, attempt?.Score, attempt?.SubmittedAt is null ? null : attempt.Passed);

    private static List<int> Shuffle(List<int> items)
    {
        var copy = items.ToList();
        for (var i = copy.Count - 1; i > 0; i--)
        {
            var j = RandomNumberGenerator.GetInt32(i + 1);
            (copy[i], copy[j]) = (copy[j], copy[i]);
        }

        return copy;
    }

    private static DateTime Utc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };

    internal static string Hours(int minutes) => (minutes / 60.0).ToString("0.#", CultureInfo.InvariantCulture);
}
