using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Features.Insights.Dashboards;
using Kepu.Web.Features.Regions;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Insights.Survey.Pages;

/// <summary>One wave: imports (margins, interviewer responses, quotas) with a row-level error report, and the weighted estimates.</summary>
[Authorize(Roles = Roles.Admin)]
[RequestSizeLimit(12 * 1024 * 1024)]
public sealed class WaveModel(SurveyWaves waves, SurveyImports imports, SurveyResults results, IRegionDirectory regions) : PageModel
{
    public WaveView Wave { get; private set; } = null!;
    public WaveEstimates? Estimates { get; private set; }
    public string? NotYet { get; private set; }
    public IReadOnlyList<string> RowErrors { get; private set; } = [];

    /// <summary>Which breakdown the table shows (area, district, urban …).</summary>
    public string By { get; private set; } = "area";

    /// <summary>The estimate by district on the tile map (<c>?view=map</c>), beside the district table.</summary>
    public TileMapView? Map { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, string? by, string? view, CancellationToken ct) => await LoadAsync(id, by, ct, view == "map");

    public async Task<IActionResult> OnGetExportAsync(int id, string? format, CancellationToken ct)
    {
        var estimates = await results.EstimateAsync(id, User, ct);
        var file = SurveyApi.Export(estimates, format);
        return File(file.FileContents.ToArray(), file.ContentType, file.FileDownloadName);
    }

    public Task<IActionResult> OnPostMarginsAsync(int id, IFormFile? file, CancellationToken ct) =>
        ImportAsync(id, file, (bytes) => imports.MarginsAsync(id, bytes, User, ct), ct);

    public Task<IActionResult> OnPostResponsesAsync(int id, IFormFile? file, CancellationToken ct) =>
        ImportAsync(id, file, (bytes) => imports.ResponsesAsync(id, bytes, User, ct), ct);

    public Task<IActionResult> OnPostQuotasAsync(int id, IFormFile? file, CancellationToken ct) =>
        ImportAsync(id, file, (bytes) => waves.QuotasAsync(id, bytes, User, ct), ct);

    public async Task<IActionResult> OnPostStartAsync(int id, CancellationToken ct) => await ActAsync(id, () => waves.StartAsync(id, User, ct), "网上调查已开始。", ct);

    public async Task<IActionResult> OnPostCloseAsync(int id, CancellationToken ct) => await ActAsync(id, () => waves.CloseAsync(id, User, ct), "调查已结束。", ct);

    private async Task<IActionResult> ActAsync(int id, Func<Task<WaveView>> action, string message, CancellationToken ct)
    {
        try
        {
            await action();
            TempData["Message"] = message;
            return RedirectToPage(new { id });
        }
        catch (BusinessRuleException e)
        {
            ModelState.AddProblem(e);
        }

        return await LoadAsync(id, null, ct);
    }

    private async Task<IActionResult> ImportAsync(int id, IFormFile? file, Func<byte[], Task<ImportResult>> import, CancellationToken ct)
    {
        try
        {
            if (file is null || file.Length == 0)
            {
                throw new ValidationFailedException(new Dictionary<string, string[]> { ["file"] = ["请选择要导入的 CSV 或 Excel 文件。"] });
            }

            using var memory = new MemoryStream();
            await file.CopyToAsync(memory, ct);
            TempData["Message"] = (await import(memory.ToArray())).Message;
            return RedirectToPage(new { id });
        }
        catch (ValidationFailedException e)
        {
            RowErrors = [.. e.Errors.SelectMany(x => x.Value)];
            ModelState.AddModelError(string.Empty, "文件没有导入：请按下面列出的行修改后重新上传。");
        }
        catch (BusinessRuleException e)
        {
            ModelState.AddProblem(e);
        }

        return await LoadAsync(id, null, ct);
    }

    private async Task<IActionResult> LoadAsync(int id, string? by, CancellationToken ct, bool map = false)
    {
        try
        {
            Wave = await waves.ViewAsync(id, ct);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }

        By = map ? "district" : by ?? "area";
        try
        {
            Estimates = await results.EstimateAsync(id, User, ct);
            Map = map ? SurveyTileMap.Build(Estimates.Rows, await regions.DistrictsAsync(ct)) : null;
        }
        catch (BusinessRuleException e)
        {
            NotYet = e.Message;
        }

        return Page();
    }
}
