using System.Globalization;
using System.Security.Claims;
using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Learning.Entities;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Learning;

public sealed record PersonLine(string Unit, string Name, double HoursDone, int HoursRequired, bool Behind, int? Score, bool? Passed);

public sealed record UnitLine(int Id, string Unit, int Members, int Behind, int Sat, int Passed, double? AverageScore);

public sealed record UnitReport(int OrganizationId, string Title, int Year, int? ExamId, IReadOnlyList<UnitLine> Units, IReadOnlyList<PersonLine> People);

/// <summary>
/// Unit reports for managers: for a unit and its departments, each person's study hours this year against the
/// required hours (a department without its own requirement takes its unit's), and an exam's sitting, pass rate and
/// average score per unit. Study hours are the minutes of the lessons a person marked studied in that (Beijing) year.
/// </summary>
public sealed class UnitReports(AppDbContext db, IAccountDirectory accounts, Exams exams, TimeProvider clock)
{
    public async Task SetRequirementAsync(int organizationId, int year, int hours, ClaimsPrincipal user, CancellationToken ct = default)
    {
        await exams.EnsureManagesAsync(user, organizationId, ct);
        var requirement = await db.Set<StudyRequirement>().FirstOrDefaultAsync(r => r.OrganizationId == organizationId && r.Year == year, ct);
        if (requirement is null)
        {
            db.Add(new StudyRequirement(organizationId, year, hours));
        }
        else
        {
            requirement.Set(hours);
        }

        await db.SaveChangesAsync(ct);
    }

    public async Task<UnitReport> ReportAsync(int organizationId, int? examId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        await exams.EnsureManagesAsync(user, organizationId, ct);
        var tree = await accounts.OrganizationTreeAsync(ct);
        var units = Exams.Descendants(tree, organizationId);
        var members = await accounts.MembersAsync(units, ct);
        var people = members.Select(m => m.UserId).Distinct().ToList();
        var names = await accounts.DisplayNamesAsync(people, ct);
        var year = Display.ToBeijing(clock.GetUtcNow().UtcDateTime).Year;
        var (yearStart, yearEnd) = (new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(-8), new DateTime(year + 1, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(-8));
        var minutes = await (from p in db.Set<LessonProgress>().AsNoTracking()
                             join l in db.Set<Lesson>().AsNoTracking() on p.LessonId equals l.Id
                             where people.Contains(p.UserId) && p.StudiedAt >= yearStart && p.StudiedAt < yearEnd
                             group l.Minutes by p.UserId into g
                             select new { UserId = g.Key, Minutes = g.Sum() }).ToDictionaryAsync(g => g.UserId, g => g.Minutes, ct);
        var requirements = await db.Set<StudyRequirement>().AsNoTracking().Where(r => r.Year == year).ToDictionaryAsync(r => r.OrganizationId, r => r.Hours, ct);
        var parents = tree.ToDictionary(o => o.Id, o => o.ParentId);
        int Required(int unit)
        {
            for (int? at = unit; at is { } current; at = parents.GetValueOrDefault(current))
            {
                if (requirements.TryGetValue(current, out var hours))
                {
                    return hours;
                }
            }

            return 0;
        }

        Exam? exam = null;
        Dictionary<string, ExamAttempt> attempts = [];
        if (examId is { } id)
        {
            exam = await db.Set<Exam>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == id && units.Contains(e.OrganizationId), ct)
                ?? throw new NotFoundException($"本单位没有编号为 {id} 的考试。");
            attempts = await db.Set<ExamAttempt>().AsNoTracking().Where(a => a.ExamId == id && a.SubmittedAt != null).ToDictionaryAsync(a => a.UserId, ct);
        }

        var unitNames = tree.ToDictionary(o => o.Id, o => o.Name);
        var lines = members.Where(m => units.Contains(m.OrganizationId)).Select(m =>
        {
            var done = Math.Round(minutes.GetValueOrDefault(m.UserId) / 60.0, 1);
            var required = Required(m.OrganizationId);
            var attempt = attempts.GetValueOrDefault(m.UserId);
            return (Unit: m.OrganizationId, Line: new PersonLine(unitNames[m.OrganizationId], names.GetValueOrDefault(m.UserId, "已注销用户"), done, required, done < required,
                attempt?.Score, attempt?.Passed));
        }).ToList();
        var byUnit = units.OrderBy(u => u).Select(u =>
        {
            var mine = lines.Where(l => l.Unit == u).Select(l => l.Line).ToList();
            var sat = mine.Where(l => l.Score is not null).ToList();
            return new UnitLine(u, unitNames[u], mine.Count, mine.Count(l => l.Behind), sat.Count, sat.Count(l => l.Passed == true), sat.Count == 0 ? null : Math.Round(sat.Average(l => l.Score!.Value), 1));
        }).ToList();
        return new UnitReport(organizationId, exam?.Title ?? "年度学时", year, exam?.Id, byUnit,
            [.. lines.Select(l => l.Line).OrderBy(l => l.Unit, StringComparer.Ordinal).ThenByDescending(l => l.Behind).ThenBy(l => l.Name, StringComparer.Ordinal)]);
    }

    public static IReadOnlyList<string> Columns { get; } = ["单位/部门", "姓名", "本年学时", "要求学时", "学时是否落后", "考试成绩", "是否合格"];

    public static IEnumerable<IReadOnlyList<string>> Rows(UnitReport report) => report.People.Select(p => (IReadOnlyList<string>)
    [
        p.Unit, p.Name, p.HoursDone.ToString("0.#", CultureInfo.InvariantCulture), p.HoursRequired.ToString(CultureInfo.InvariantCulture), p.Behind ? "落后" : "达标",
        p.Score?.ToString(CultureInfo.InvariantCulture) ?? "未参加", p.Passed switch { true => "合格", false => "不合格", null => "" },
    ]);
}
