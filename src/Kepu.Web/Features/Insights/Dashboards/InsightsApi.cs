using System.Security.Claims;
using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Features.Insights.Activity;
using Kepu.Web.Features.Insights.Dashboards.Population;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Files;
using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kepu.Web.Features.Insights.Dashboards;

public sealed record ReachTableView(string From, string To, string GroupBy, string? District, string? Audience, IReadOnlyList<MetricView> Metrics,
    IReadOnlyList<ReachRow> Rows, ReachRow Total);

/// <summary>运行监测 API: reach tables, their exports, remote coverage, the 科普统计 sheet and resident population.</summary>
internal static class InsightsApi
{
    private const string ScopeNote = "区县管理员只能看本区县（不带 district 即本区县，其他区县 403）；管理员不带 district 为全市。";

    public static void MapInsightsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/insights").WithTags("运行监测 Insights");

        api.MapGet("/reach", async Task<Ok<ReachTableView>> (string? from, string? to, string? groupBy, string? district, string? audience, ClaimsPrincipal user,
                ReachAccess access, ReachQuery query, CancellationToken ct) =>
            {
                var (scope, table) = await TableAsync(from, to, groupBy, district, audience, user, access, query, ct);
                return TypedResults.Ok(new ReachTableView(scope.Range.FromKey, scope.Range.ToKey, table.GroupBy, scope.District?.Code, scope.Audience,
                    [.. Metrics.All.Select(MetricView.Of)], table.Rows, table.Total));
            })
            .RequireApiUser(Roles.Admin, Roles.DistrictAdmin)
            .WithSummary("覆盖面：按区县、区域、人群或月份汇总活跃用户、浏览、学习时长、答题、活动与参与、大篷车、查一查、辟谣；有常住人口的给出每万人。from/to 为 yyyy-MM（默认近 12 个月），groupBy=district|region|audience|month。" + ScopeNote);

        api.MapGet("/reach/export", async Task<FileContentHttpResult> (string? from, string? to, string? groupBy, string? district, string? audience, string? format,
                ClaimsPrincipal user, ReachAccess access, ReachQuery query, CancellationToken ct) =>
            {
                var (scope, table) = await TableAsync(from, to, groupBy, district, audience, user, access, query, ct);
                return ReachExport.File(scope, table, format);
            })
            .RequirePageOrApiUser(Roles.Admin, Roles.DistrictAdmin)
            .WithSummary("导出覆盖面表格：参数同 /reach，format=csv（默认）或 xlsx。" + ScopeNote);

        api.MapGet("/coverage", async Task<Ok<CoverageView>> (string? month, string? district, ClaimsPrincipal user, ReachAccess access, ReachQuery query,
                CancellationToken ct) =>
            {
                var scope = await access.ResolveAsync(user, month, month, district, null, ct);
                return TypedResults.Ok((await query.ReportAsync(scope, ct)).Coverage);
            })
            .RequireApiUser(Roles.Admin, Roles.DistrictAdmin)
            .WithSummary("边远涉农区县覆盖：某月（month=yyyy-MM，默认本月）各边远区县的活动场次、大篷车到访、参与人次、活跃用户；没有活动也没有大篷车即未覆盖。" + ScopeNote);

        api.MapGet("/statistics", async Task<FileContentHttpResult> (int? year, string? district, string? format, ClaimsPrincipal user, ReachAccess access,
                StatisticsExport export, CancellationToken ct) =>
            {
                var scope = await access.ResolveAsync(user, null, null, district, null, ct);
                return StatisticsExport.File(await export.SheetAsync(scope, year, ct), scope, format);
            })
            .RequirePageOrApiUser(Roles.Admin, Roles.DistrictAdmin)
            .WithSummary("科普统计表（年度，按区县）：科普活动、参与人次、大篷车、专家、特派员、志愿者及服务时长、场馆基地（分类型）、经费（平台未记录）。format=xlsx（默认）或 csv。" + ScopeNote);

        api.MapGet("/projection", async Task<Ok<ProjectionStatus>> (ReachProjector projector, CancellationToken ct) => TypedResults.Ok(await projector.StatusAsync(ct)))
            .RequireApiUser(Roles.Admin, Roles.DistrictAdmin)
            .WithSummary("汇总进度：活动记录读到哪一条、还差多少条、等待中的编号（正常为几秒内追上）");

        MapPopulation(api);
    }

    private static void MapPopulation(RouteGroupBuilder api)
    {
        api.MapGet("/population", async Task<Ok<IReadOnlyList<PopulationView>>> (PopulationBook book, CancellationToken ct) => TypedResults.Ok(await book.ListAsync(ct)))
            .RequireApiUser(Roles.Admin, Roles.DistrictAdmin)
            .WithSummary("各区县常住人口（用于每万人指标；未录入的为 null）");
        api.MapGet("/population/export", async Task<FileContentHttpResult> (string? format, PopulationBook book, CancellationToken ct) =>
            {
                var rows = await book.RowsAsync(ct);
                return format == "xlsx"
                    ? TypedResults.File(Spreadsheets.Xlsx("常住人口", PopulationBook.Columns, rows), ReachExport.XlsxType, "district-population.xlsx")
                    : TypedResults.File(Spreadsheets.Csv(PopulationBook.Columns, rows), ReachExport.CsvType, "district-population.csv");
            })
            .RequirePageOrApiUser(Roles.Admin)
            .WithSummary("导出常住人口表（district,population,year,source），改好后可再导入（管理员）");
        api.MapPut("/population/{code}", async Task<Ok<PopulationView>> (string code, PopulationRequest request, ClaimsPrincipal user, PopulationBook book,
                CancellationToken ct) => TypedResults.Ok(await book.SetAsync(code, request, user.Identity?.Name ?? user.UserId()!, ct)))
            .RequireApiUser(Roles.Admin)
            .WithSummary("设置一个区县的常住人口（residents 人、year 年份、source 来源）（管理员）");
        api.MapPost("/population/import", async Task<Ok<PopulationImportResult>> (HttpRequest request, ClaimsPrincipal user, PopulationBook book,
                CancellationToken ct) =>
            {
                var result = await book.ImportAsync(await Spreadsheets.ReadUploadAsync(request, ct), user.Identity?.Name ?? user.UserId()!, ct);
                return result.Succeeded
                    ? TypedResults.Ok(result)
                    : throw new ValidationFailedException(result.Errors.GroupBy(e => $"line{e.Line}").ToDictionary(g => g.Key, g => g.Select(e => $"第 {e.Line} 行：{e.Message}").ToArray()));
            })
            .RequireApiUser(Roles.Admin)
            .WithSummary("导入常住人口（multipart 字段 file，CSV 或 XLSX，表头 district,population,year[,source]；district 可为编码或名称）：有任何一行错误则整个文件不导入（管理员）")
            .DisableAntiforgery();
    }

    private static async Task<(ReachScope Scope, ReachTable Table)> TableAsync(string? from, string? to, string? groupBy, string? district, string? audience,
        ClaimsPrincipal user, ReachAccess access, ReachQuery query, CancellationToken ct)
    {
        var group = string.IsNullOrEmpty(groupBy) ? ReachGroups.District : groupBy;
        if (!ReachGroups.All.Contains(group))
        {
            throw new ValidationFailedException(new Dictionary<string, string[]> { ["groupBy"] = ["groupBy 只能是 district、region、audience 或 month。"] });
        }

        var scope = await access.ResolveAsync(user, from, to, district, audience, ct);
        if (group == ReachGroups.Region && !scope.WholeCity)
        {
            throw new ValidationFailedException(new Dictionary<string, string[]> { ["groupBy"] = ["按区域汇总只适用于全市范围。"] });
        }

        return (scope, (await query.ReportAsync(scope, ct)).Table(group));
    }
}
