using Kepu.Web.Features.Outreach.People;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Outreach.Pages;

/// <summary>服务日志: an envoy records service in their towns (with a photo); district administrators read their district's logs.</summary>
[Authorize]
public sealed class EnvoyLogsModel(Envoys envoys) : PageModel
{
    public IReadOnlyList<EnvoyView> Mine { get; private set; } = [];
    public IReadOnlyList<ServiceLogView> Logs { get; private set; } = [];

    [BindProperty]
    public LogForm Input { get; set; } = new();

    public sealed class LogForm
    {
        public int? EnvoyId { get; set; }
        public DateOnly? Date { get; set; }
        public string? TownCode { get; set; }
        public string? Village { get; set; }
        public string? Kind { get; set; } = "guidance";
        public decimal? Hours { get; set; }
        public int? Served { get; set; }
        public string? Summary { get; set; }
        public IFormFile? Photo { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            await using var upload = Input.Photo is { Length: > 0 } file ? file.OpenReadStream() : null;
            var envoyId = Input.EnvoyId ?? throw new ValidationFailedException(new Dictionary<string, string[]> { ["townCode"] = ["请选择服务的乡镇。"] });
            var log = await envoys.LogAsync(envoyId, new ServiceLogRequest
            {
                Date = Input.Date, TownCode = Input.TownCode, Village = Input.Village, Kind = Input.Kind, Hours = Input.Hours, Served = Input.Served,
                Summary = Input.Summary,
            }, User, upload, ct);
            TempData["Message"] = $"已记录 {log.Date:M月d日} 在{log.TownName}的{log.KindLabel}。";
            return RedirectToPage();
        }
        catch (ValidationFailedException e)
        {
            ModelState.Apply(e);
        }
        catch (Exception e) when (e is BusinessRuleException or ForbiddenException or NotFoundException)
        {
            ModelState.AddProblem(e);
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Mine = await envoys.MineAsync(User, ct);
        Logs = await envoys.LogsAsync(null, null, User, ct);
        Input.EnvoyId ??= Mine.FirstOrDefault(e => e.Active)?.Id ?? (Mine.Count > 0 ? Mine[0].Id : null);
    }
}
