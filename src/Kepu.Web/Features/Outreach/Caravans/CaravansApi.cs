using System.Security.Claims;
using System.Text;
using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Features.Outreach.Caravans.Entities;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Files;
using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kepu.Web.Features.Outreach.Caravans;

/// <summary>科普大篷车与流动科技馆排程 API: units, target settings, distances, plans (create → solve, adopt, exports), stops, coverage.</summary>
internal static class CaravansApi
{
    public static void MapCaravansApi(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/api/v1/caravans").WithTags("流动科普 Outreach").RequireApiUser(Roles.Admin, Roles.DistrictAdmin);
        var admin = app.MapGroup("/api/v1/caravans").WithTags("流动科普 Outreach").RequireApiUser(Roles.Admin);

        staff.MapGet("/units", async Task<Ok<IReadOnlyList<UnitView>>> (CaravanUnits units, CancellationToken ct) => TypedResults.Ok(await units.ListAsync(false, ct)))
            .WithSummary("流动科普单元（科普大篷车、流动科技馆展品）：驻地区县与工作日（管理员、区县管理员）");
        admin.MapPost("/units", async Task<Created<UnitView>> (UnitRequest request, CaravanUnits units, CancellationToken ct) =>
            {
                var view = await units.CreateAsync(request, ct);
                return TypedResults.Created($"/api/v1/caravans/units/{view.Id}", view);
            })
            .WithSummary("新增单元：name、kind（caravan 或 exhibition）、homeDistrictCode、workingDays（星期掩码，周一为 1、周二为 2……周日为 64，缺省 31 即周一至周五）（管理员）");
        admin.MapPut("/units/{id:int}", async Task<Ok<UnitView>> (int id, UnitRequest request, CaravanUnits units, CancellationToken ct) =>
                TypedResults.Ok(await units.UpdateAsync(id, request, ct)))
            .WithSummary("修改单元，active=false 停用（管理员）");

        staff.MapGet("/targets", async Task<Ok<IReadOnlyList<TargetView>>> (string? kind, string? district, CaravanTargets targets, CancellationToken ct) =>
            {
                string[]? districts = string.IsNullOrEmpty(district) ? null : [district];
                return TypedResults.Ok(kind == PlanTargetKinds.Towns ? await targets.TownTargetsAsync(districts, ct) : await targets.DistrictTargetsAsync(districts, ct));
            })
            .WithSummary("排程目标及其设置：kind=remote（默认，边远涉农区县）或 towns（乡镇，可用 district 限定区县）；每站天数、是否优先、上次走访日期");
        admin.MapPut("/targets/{code}", async Task<Ok<TargetView>> (string code, TargetSettingRequest request, CaravanTargets targets, CancellationToken ct) =>
                TypedResults.Ok(await targets.UpdateAsync(code, request, ct)))
            .WithSummary("设置一个目标：daysPerStop（1–10）、priority（true/false，不填按区县标记：民族地区、脱贫地区、革命老区为优先）、lastVisit（平台之前的上次走访日期）（管理员）");
        admin.MapPost("/distances", async Task<Ok<DistanceImportResult>> (HttpRequest request, ImportDistances import, CancellationToken ct) =>
                TypedResults.Ok(await import.HandleAsync(await Spreadsheets.ReadUploadAsync(request, ct), ct)))
            .WithSummary("导入道路里程表（multipart 字段 file，CSV 或 XLSX，列 from,to,km），替换原表；有一行错误则整表不导入。没有导入的两地按直线距离 × 1.5 估算（管理员）")
            .DisableAntiforgery();

        staff.MapGet("/plans", async Task<Ok<IReadOnlyList<PlanSummary>>> (CaravanPlans plans, CancellationToken ct) => TypedResults.Ok(await plans.ListAsync(ct)))
            .WithSummary("排程计划（最近 100 个）");
        admin.MapPost("/plans", async Task<Created<PlanView>> (PlanRequest request, ClaimsPrincipal user, CreateCaravanPlan create, CaravanPlans plans,
                CancellationToken ct) =>
            {
                var id = await create.HandleAsync(request, user.UserId()!, ct);
                return TypedResults.Created($"/api/v1/caravans/plans/{id}", await plans.GetAsync(id, user, ct));
            })
            .WithSummary("生成排程草稿：name、from、to（日期）、targets（remote 或 towns）、unitIds、districts（可选）、timeLimitSeconds（1–60，默认 5）。"
                + "每个目标至少走访一次，优先地区排在前，只用工作日，行驶里程尽量少；排不下的目标列在 unplanned（管理员）");
        staff.MapGet("/plans/{id:int}", async Task<Ok<PlanView>> (int id, ClaimsPrincipal user, CaravanPlans plans, CancellationToken ct) =>
                TypedResults.Ok(await plans.GetAsync(id, user, ct)))
            .WithSummary("一个排程计划：各单元里程、每一站的日期与目标、未排入的目标");
        admin.MapPost("/plans/{id:int}/adopt", async Task<Ok<PlanView>> (int id, ClaimsPrincipal user, CaravanPlans plans, CancellationToken ct) =>
            {
                await plans.AdoptAsync(id, ct);
                return TypedResults.Ok(await plans.GetAsync(id, user, ct));
            })
            .WithSummary("采用计划：占用各单元的这些日子；与已采用计划的日子冲突时拒绝（409），什么也不改（管理员）");
        app.MapGet("/api/v1/caravans/plans/{id:int}/plan.xlsx", async Task<FileContentHttpResult> (int id, ClaimsPrincipal user, CaravanPlans plans,
                CancellationToken ct) =>
            {
                var plan = await plans.GetAsync(id, user, ct);
                return TypedResults.File(CaravanExport.Xlsx(plan), CaravanExport.XlsxType, CaravanExport.FileName(plan, "xlsx"));
            })
            .WithTags("流动科普 Outreach").RequirePageOrApiUser(Roles.Admin, Roles.DistrictAdmin)
            .WithSummary("导出计划（Excel，每站一行）");
        app.MapGet("/api/v1/caravans/plans/{id:int}/plan.ics", async Task<FileContentHttpResult> (int id, ClaimsPrincipal user, CaravanPlans plans,
                CancellationToken ct) =>
            {
                var plan = await plans.GetAsync(id, user, ct);
                return TypedResults.File(Encoding.UTF8.GetBytes(CaravanExport.Calendar(plan)), CaravanExport.CalendarType, CaravanExport.FileName(plan, "ics"));
            })
            .WithTags("流动科普 Outreach").RequirePageOrApiUser(Roles.Admin, Roles.DistrictAdmin)
            .WithSummary("导出计划（iCalendar，每站一个全天事件，可导入手机日历）");
        staff.MapPost("/visits/{id:int}/{state}", async Task<Ok<StopView>> (int id, string state, ClaimsPrincipal user, CaravanPlans plans, CancellationToken ct) =>
                TypedResults.Ok(await plans.UpdateStopAsync(id, state, user, ct)))
            .WithSummary("登记一站的结果：state=done（已完成，开始日已到）或 cancelled（已取消，释放这些日子）；管理员或该站所在区县的区县管理员");
        staff.MapGet("/coverage", async Task<Ok<CoverageView>> (ClaimsPrincipal user, CaravanCoverage coverage, CancellationToken ct) =>
                TypedResults.Ok(await coverage.GetAsync(user, ct)))
            .WithSummary("覆盖情况：近 12 个月走访过的边远涉农区县及其乡镇的比例与空白名单（区县管理员看本区县的乡镇）");
    }

    /// <summary>Checked where a page, not the API group, decides (the page shows the same message).</summary>
    public static void EnsureAdmin(ClaimsPrincipal user)
    {
        if (!user.IsInRole(Roles.Admin))
        {
            throw new ForbiddenException("只有管理员可以管理大篷车与排程。");
        }
    }
}
