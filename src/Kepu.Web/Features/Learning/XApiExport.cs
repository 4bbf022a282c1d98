using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Learning.Entities;
using Kepu.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Learning;

/// <summary>
/// Learning records as xAPI 1.0.3 statements (JSON), for a learning record store: lessons studied (experienced),
/// lesson quizzes and exams (passed / failed, with the score), courses completed, and science-popularisation
/// activities approved (completed, with the hours as duration). Statement ids are derived from the record, so
/// exporting twice gives the same ids and an LRS keeps one copy.
/// </summary>
public sealed class XApiExport(AppDbContext db, IAccountDirectory accounts, Exams exams)
{
    private const string Verbs = "http://adlnet.gov/expapi/verbs/";

    public async Task<JsonArray> PersonAsync(string userId, string site, CancellationToken ct = default) =>
        await StatementsAsync([userId], site, ct);

    public async Task<JsonArray> OrganizationAsync(int organizationId, ClaimsPrincipal user, string site, CancellationToken ct = default)
    {
        await exams.EnsureManagesAsync(user, organizationId, ct);
        var tree = await accounts.OrganizationTreeAsync(ct);
        var members = await accounts.MembersAsync(Exams.Descendants(tree, organizationId), ct);
        return await StatementsAsync([.. members.Select(m => m.UserId).Distinct()], site, ct);
    }

    private async Task<JsonArray> StatementsAsync(IReadOnlyList<string> people, string site, CancellationToken ct)
    {
        var names = await accounts.DisplayNamesAsync(people, ct);
        var statements = new JsonArray();
        JsonObject Actor(string id) => new()
        {
            ["objectType"] = "Agent",
            ["name"] = names.GetValueOrDefault(id, "学员"),
            ["account"] = new JsonObject { ["homePage"] = site, ["name"] = id },
        };

        void Add(string key, string userId, string verb, string verbLabel, string objectUrl, string objectName, string type, DateTime at, JsonObject? result)
        {
            var statement = new JsonObject
            {
                ["id"] = Id(key),
                ["actor"] = Actor(userId),
                ["verb"] = new JsonObject { ["id"] = Verbs + verb, ["display"] = new JsonObject { ["zh-CN"] = verbLabel } },
                ["object"] = new JsonObject
                {
                    ["objectType"] = "Activity",
                    ["id"] = site + objectUrl,
                    ["definition"] = new JsonObject { ["name"] = new JsonObject { ["zh-CN"] = objectName }, ["type"] = "http://adlnet.gov/expapi/activities/" + type },
                },
                ["timestamp"] = DateTime.SpecifyKind(at, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
                ["version"] = "1.0.3",
            };
            if (result is not null)
            {
                statement["result"] = result;
            }

            statements.Add(statement);
        }

        var progress = await (from p in db.Set<LessonProgress>().AsNoTracking()
                              join l in db.Set<Lesson>().AsNoTracking() on p.LessonId equals l.Id
                              where people.Contains(p.UserId)
                              select new { p.Id, p.UserId, p.StudiedAt, p.QuizScore, p.QuizPassedAt, l.Title, LessonId = l.Id, l.Minutes }).ToListAsync(ct);
        foreach (var p in progress)
        {
            if (p.StudiedAt is { } studied)
            {
                Add($"lesson:{p.Id}", p.UserId, "experienced", "学习了", $"/learn/lessons/{p.LessonId}", p.Title, "lesson", studied,
                    new JsonObject { ["duration"] = $"PT{p.Minutes}M" });
            }

            if (p.QuizPassedAt is { } passed)
            {
                Add($"quiz:{p.Id}", p.UserId, "passed", "通过", $"/learn/lessons/{p.LessonId}#quiz", p.Title + " 课后测验", "assessment", passed, Score(p.QuizScore ?? 0, true));
            }
        }

        var completed = await (from e in db.Set<Enrollment>().AsNoTracking()
                               join c in db.Set<Course>().AsNoTracking() on e.CourseId equals c.Id
                               where people.Contains(e.UserId) && e.CompletedAt != null
                               select new { e.Id, e.UserId, e.CompletedAt, c.Title, CourseId = c.Id, e.CertificateCode }).ToListAsync(ct);
        foreach (var c in completed)
        {
            Add($"course:{c.Id}", c.UserId, "completed", "完成了", $"/learn/courses/{c.CourseId}", c.Title, "course", c.CompletedAt!.Value,
                new JsonObject { ["completion"] = true, ["extensions"] = new JsonObject { [site + "/xapi/certificate"] = c.CertificateCode } });
        }

        var attempts = await (from a in db.Set<ExamAttempt>().AsNoTracking()
                              join e in db.Set<Exam>().AsNoTracking() on a.ExamId equals e.Id
                              where people.Contains(a.UserId) && a.SubmittedAt != null
                              select new { a.Id, a.UserId, a.SubmittedAt, a.Score, a.Passed, e.Title }).ToListAsync(ct);
        foreach (var a in attempts)
        {
            Add($"exam:{a.Id}", a.UserId, a.Passed ? "passed" : "failed", a.Passed ? "通过" : "未通过", $"/learn/exams/attempts/{a.Id}", a.Title, "assessment",
                a.SubmittedAt!.Value, Score(a.Score ?? 0, a.Passed));
        }

        var activities = await db.Set<ScienceActivity>().AsNoTracking().Where(a => people.Contains(a.OwnerId) && a.State == ActivityStates.Approved).ToListAsync(ct);
        foreach (var a in activities)
        {
            var minutes = (int)Math.Round((a.GrantedHours ?? 0) * 60);
            Add($"activity:{a.Id}", a.OwnerId, "completed", "完成了", $"/learn/activities/{a.Id}", a.Title, "interaction", a.ReviewedAt ?? a.SubmittedAt,
                new JsonObject
                {
                    ["completion"] = true,
                    ["duration"] = $"PT{minutes}M",
                    ["extensions"] = new JsonObject { [site + "/xapi/credits"] = a.GrantedCredits, [site + "/xapi/kind"] = a.Kind },
                });
        }

        return statements;
    }

    private static JsonObject Score(int percent, bool success) => new()
    {
        ["score"] = new JsonObject { ["scaled"] = Math.Round(percent / 100.0, 2), ["raw"] = percent, ["min"] = 0, ["max"] = 100 },
        ["success"] = success,
    };

    /// <summary>A stable UUID (name-based, from SHA-256 of the record key) so repeated exports carry the same statement ids.</summary>
    private static string Id(string key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("kepu-xapi:" + key));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString();
    }
}
