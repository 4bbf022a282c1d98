using System.Security.Claims;
using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kepu.Web.Features.Regions;

internal static class RegionsApi
{
    public static void MapRegionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/districts").WithTags("区县 Regions");
        api.MapGet("/", ListAsync).WithSummary("38 个区县（代码、名称、区域分组、标记、乡镇数）");
        api.MapGet("/{code}", GetAsync).WithSummary("一个区县");
        api.MapGet("/{code}/towns", TownsAsync).WithSummary("区县的乡镇（街道）");
        api.MapPut("/{code}", UpdateAsync).WithSummary("修改区县名称、分组和标记（管理员）").RequireApiUser(Roles.Admin);
        api.MapGet("/{code}/changes", ChangesAsync).WithSummary("区县修改记录（管理员）").RequireApiUser(Roles.Admin);
        app.MapPost("/api/v1/towns/import", ImportAsync)
            .WithTags("区县 Regions")
            .WithSummary("导入乡镇 CSV（code,name,areaCode,provinceCode,cityCode；管理员）")
            .Accepts<string>("text/csv")
            .RequireApiUser(Roles.Admin);
    }

    private static async Task<Ok<IReadOnlyList<DistrictSummary>>> ListAsync(ListDistricts list, CancellationToken ct) =>
        TypedResults.Ok(await list.HandleAsync(ct));

    private static async Task<Ok<DistrictSummary>> GetAsync(string code, ListDistricts list, CancellationToken ct) =>
        TypedResults.Ok((await list.HandleAsync(ct)).FirstOrDefault(d => d.Code == code) ?? throw new NotFoundException($"区县代码 {code} 不存在。"));

    private static async Task<Ok<IReadOnlyList<TownInfo>>> TownsAsync(string code, IRegionDirectory regions, CancellationToken ct)
    {
        if (await regions.FindDistrictAsync(code, ct) is null)
        {
            throw new NotFoundException($"区县代码 {code} 不存在。");
        }

        return TypedResults.Ok(await regions.TownsAsync(code, ct));
    }

    private static async Task<Ok<IReadOnlyList<DistrictChangeView>>> UpdateAsync(string code, UpdateDistrictRequest request, ClaimsPrincipal user,
        UpdateDistrict update, CancellationToken ct) =>
        TypedResults.Ok(await update.HandleAsync(code, request, user.Identity!.Name!, ct));

    private static async Task<Ok<IReadOnlyList<DistrictChangeView>>> ChangesAsync(string code, UpdateDistrict update, CancellationToken ct) =>
        TypedResults.Ok(await update.HistoryAsync(code, ct));

    private static async Task<Results<Ok<ImportTownsResult>, ValidationProblem>> ImportAsync(HttpRequest request, ImportTowns import, CancellationToken ct)
    {
        if (request.ContentLength > ImportTowns.MaxFileBytes)
        {
            throw new ValidationFailedException(new Dictionary<string, string[]> { ["file"] = ["文件超过 5 MB。"] });
        }

        var result = await import.HandleAsync(request.Body, null, ct);
        if (!result.Succeeded)
        {
            return TypedResults.ValidationProblem(
                result.Errors.GroupBy(e => $"line{e.Line}").ToDictionary(g => g.Key, g => g.Select(e => $"第 {e.Line} 行：{e.Message}").ToArray()),
                detail: $"文件中有 {result.Errors.Count} 行错误，未导入任何数据。",
                title: "导入失败");
        }

        return TypedResults.Ok(result);
    }
}
