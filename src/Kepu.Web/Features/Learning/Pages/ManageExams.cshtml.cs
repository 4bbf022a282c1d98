using System.Globalization;
using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Features.Learning.Entities;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Learning.Pages;

/// <summary>单位管理: for the units a person manages, set yearly study hours, set exams from a blueprint, and read the report.</summary>
[Authorize]
public sealed class ManageExamsModel(Exams exams, UnitReports reports, IAccountDirectory accounts, TimeProvider clock) : PageModel
{
    public IReadOnlyList<OrganizationNode> Units { get; private set; } = [];
    public int? Unit { get; private set; }
    public UnitReport? Report { get; private set; }
    public IReadOnlyList<ExamCard> UnitExams { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? unit, int? exam, CancellationToken ct)
    {
        await LoadAsync(unit, exam, ct);
        return Units.Count == 0 ? Forbid() : Page();
    }

    public async Task<IActionResult> OnPostHoursAsync(int unit, int hours, CancellationToken ct) =>
        await ActAsync(unit, "已设置年度学时。", () => reports.SetRequirementAsync(unit, Display.ToBeijing(clock.GetUtcNow().UtcDateTime).Year, hours, User, ct), ct);

    public async Task<IActionResult> OnPostExamAsync(int unit, string? title, int minutes, DateTime opens, DateTime closes, int passMark, CancellationToken ct)
    {
        var blueprint = Dimensions.All.SelectMany(d => Enumerable.Range(1, 3).Select(level =>
            new BlueprintLine(d, level, int.TryParse(Request.Form[$"n_{d}_{level}"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0))).ToList();
        return await ActAsync(unit, "考试已安排。", () => exams.CreateAsync(new ExamRequest(unit, title, blueprint, minutes,
            DateTime.SpecifyKind(opens.AddHours(-8), DateTimeKind.Utc), DateTime.SpecifyKind(closes.AddHours(-8), DateTimeKind.Utc), passMark), User, ct), ct);
    }

    private async Task<IActionResult> ActAsync(int unit, string done, Func<Task> action, CancellationToken ct)
    {
        try
        {
            await action();
            TempData["Message"] = done;
            return Redirect($"/learn/exams/manage?unit={unit}");
        }
        catch (Exception e) when (e is BusinessRuleException or ValidationFailedException or ForbiddenException)
        {
            ModelState.AddProblem(e);
            await LoadAsync(unit, null, ct);
            return Page();
        }
    }

    private async Task LoadAsync(int? unit, int? exam, CancellationToken ct)
    {
        var tree = await accounts.OrganizationTreeAsync(ct);
        var me = User.UserId()!;
        var managed = User.IsInRole(Roles.Admin)
            ? tree.Select(o => o.Id).ToHashSet()
            : (await accounts.MembersAsync(tree.Select(o => o.Id).ToList(), ct)).Where(m => m.UserId == me && m.IsManager).SelectMany(m => Exams.Descendants(tree, m.OrganizationId)).ToHashSet();
        Units = tree.Where(o => managed.Contains(o.Id)).ToList();
        Unit = unit is { } u && managed.Contains(u) ? u : Units.Count > 0 ? Units[0].Id : null;
        if (Unit is { } chosen)
        {
            Report = await reports.ReportAsync(chosen, exam, User, ct);
            UnitExams = (await exams.ForUnitAsync(chosen, ct)).ToList();
        }
    }
}
