using System.Globalization;
using System.Security.Claims;
using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Infrastructure.Files;
using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kepu.Web.Features.Insights.Survey;

internal static class SurveyApi
{
    public static readonly string[] ExportColumns = ["变量", "类别", "样本量", "具备科学素质比例", "标准误", "95%下限", "95%上限", "设计效应", "有效样本量", "是否抑制"];

    public static void MapSurveyApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/v1/survey").WithTags("监测评估 Survey").RequireApiUser(Roles.Admin);
        admin.MapGet("/waves", async Task<Ok<IReadOnlyList<WaveView>>> (SurveyWaves waves, CancellationToken ct) => TypedResults.Ok(await waves.ListAsync(ct)))
            .WithSummary("科学素质调查的各期（管理员）");
        admin.MapPost("/waves", async Task<Created<WaveView>> (WaveRequest request, ClaimsPrincipal user, SurveyWaves waves, CancellationToken ct) =>
            {
                var view = await waves.CreateAsync(request, user, ct);
                return TypedResults.Created($"/api/v1/survey/waves/{view.Id}", view);
            })
            .WithSummary("新建一期调查：按全国结构从题库抽题（科学知识 40 + 科学方法 20 + 科学精神与思想 20 + 应用科学的能力 20 = 100 分）");
        admin.MapPost("/waves/{id:int}/start", async Task<Ok<WaveView>> (int id, ClaimsPrincipal user, SurveyWaves waves, CancellationToken ct) =>
            TypedResults.Ok(await waves.StartAsync(id, user, ct))).WithSummary("开始网上调查");
        admin.MapPost("/waves/{id:int}/close", async Task<Ok<WaveView>> (int id, ClaimsPrincipal user, SurveyWaves waves, CancellationToken ct) =>
            TypedResults.Ok(await waves.CloseAsync(id, user, ct))).WithSummary("结束调查");
        admin.MapPost("/waves/{id:int}/quotas", async Task<Ok<ImportResult>> (int id, HttpRequest request, ClaimsPrincipal user, SurveyWaves waves, CancellationToken ct) =>
                TypedResults.Ok(await waves.QuotasAsync(id, await Spreadsheets.ReadUploadAsync(request, ct), user, ct)))
            .DisableAntiforgery().WithSummary("配额（multipart 字段 file，列 district,urban,target）：每个区县城镇/农村最多多少份网上问卷");
        admin.MapPost("/waves/{id:int}/margins", async Task<Ok<ImportResult>> (int id, HttpRequest request, ClaimsPrincipal user, SurveyImports imports, CancellationToken ct) =>
                TypedResults.Ok(await imports.MarginsAsync(id, await Spreadsheets.ReadUploadAsync(request, ct), user, ct)))
            .DisableAntiforgery().WithSummary("导入人口边际（CSV 或 XLSX，列 variable,level,population；变量可用 district 或 regionGroup、urban、sex、ageGroup、education）");
        admin.MapPost("/waves/{id:int}/responses", async Task<Ok<ImportResult>> (int id, HttpRequest request, ClaimsPrincipal user, SurveyImports imports, CancellationToken ct) =>
                TypedResults.Ok(await imports.ResponsesAsync(id, await Spreadsheets.ReadUploadAsync(request, ct), user, ct)))
            .DisableAntiforgery().WithSummary("导入访员收集的问卷（CSV 或 XLSX，列 id,district,urban,sex,ageGroup,education,score[,weight][,audience]）；任一行有错则整个文件不导入，并按行号列出错误");
        admin.MapGet("/waves/{id:int}/estimates", async Task<Ok<WaveEstimates>> (int id, ClaimsPrincipal user, SurveyResults results, CancellationToken ct) =>
                TypedResults.Ok(await results.EstimateAsync(id, user, ct)))
            .WithSummary("加权估计：具备科学素质的比例（得分 > 70）、标准误、95% 置信区间、设计效应、有效样本量，全市及分区域、区县、城乡、性别、年龄、文化程度、人群；样本太少的格子标记为抑制");
        admin.MapGet("/waves/{id:int}/estimates/export", async Task<FileContentHttpResult> (int id, string? format, ClaimsPrincipal user, SurveyResults results, CancellationToken ct) =>
                Export(await results.EstimateAsync(id, user, ct), format))
            .WithSummary("导出估计表：format = csv（默认）或 xlsx");
        admin.MapGet("/progress", async Task<Ok<IReadOnlyList<ProgressPoint>>> (ClaimsPrincipal user, SurveyResults results, CancellationToken ct) =>
                TypedResults.Ok(await results.ProgressAsync(user, ct)))
            .WithSummary("进展：各年估计（含区间）与 2020 年基线、2025 年和 2027 年目标，全市及一区两群");

        var online = app.MapGroup("/api/v1/survey").WithTags("监测评估 Survey");
        online.MapGet("/current", async Task<Results<Ok<Questionnaire>, NoContent>> (ClaimsPrincipal user, OnlineSurvey survey, CancellationToken ct) =>
                await survey.CurrentAsync(user, ct) is { } q ? TypedResults.Ok(q) : TypedResults.NoContent())
            .AllowApiUser().WithSummary("正在进行的调查问卷（不含答案）");
        online.MapPost("/waves/{id:int}/answers", async Task<Ok<OnlineResult>> (int id, OnlineAnswers answers, ClaimsPrincipal user, OnlineSurvey survey, CancellationToken ct) =>
                TypedResults.Ok(await survey.SubmitAsync(id, answers, user, ct)))
            .RequireApiUser().WithSummary("提交网上问卷：基本情况（区县、城乡、性别、年龄段、文化程度）和每题所选选项；每个账号一次，配额满了不再接收");
    }

    internal static FileContentHttpResult Export(WaveEstimates e, string? format)
    {
        static string P(double x) => x.ToString("0.000000", CultureInfo.InvariantCulture);
        var rows = new List<IReadOnlyList<string>> { Row("全市", "全市", e.Overall) };
        rows.AddRange(e.Rows.Select(r => Row(r.VariableLabel, r.LevelLabel, r.Estimate)));
        return format == "xlsx"
            ? TypedResults.File(Spreadsheets.Xlsx("估计", ExportColumns, rows), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"estimates-{e.Year}.xlsx")
            : TypedResults.File(Spreadsheets.Csv(ExportColumns, rows), "text/csv; charset=utf-8", $"estimates-{e.Year}.csv");

        static IReadOnlyList<string> Row(string variable, string level, Estimation.Estimate x) =>
            [variable, level, x.N.ToString(CultureInfo.InvariantCulture), P(x.Share), P(x.StandardError), P(x.Lower), P(x.Upper),
                x.DesignEffect?.ToString("0.000", CultureInfo.InvariantCulture) ?? "", x.EffectiveN?.ToString("0.0", CultureInfo.InvariantCulture) ?? "", x.Suppressed ? "是" : "否"];
    }
}
