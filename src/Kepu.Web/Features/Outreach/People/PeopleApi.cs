using System.Security.Claims;
using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kepu.Web.Features.Outreach.People;

internal static class PeopleApi
{
    public static void MapPeopleApi(this IEndpointRouteBuilder app)
    {
        var envoys = app.MapGroup("/api/v1/envoys").WithTags("科技特派员 Envoys");
        envoys.MapGet("/", async Task<Ok<IReadOnlyList<EnvoyView>>> (string? district, ClaimsPrincipal user, Envoys list, CancellationToken ct) =>
                TypedResults.Ok(await list.ListAsync(district, user, ct)))
            .WithSummary("科技特派员：派驻的区县、乡镇和村、服务专长、期限、服务次数与时长；可按区县 district 筛选")
            .AllowApiUser();
        envoys.MapPost("/", async Task<Created<EnvoyView>> (EnvoyRequest request, ClaimsPrincipal user, Envoys list, CancellationToken ct) =>
            {
                var view = await list.AppointAsync(request, user, ct);
                return TypedResults.Created($"/api/v1/envoys/{view.Id}", view);
            })
            .WithSummary("派驻科技特派员（区县管理员限本区县，管理员）：userName、districtCode、specialty、from、to、towns [{townCode, villages:[…]}]")
            .RequireApiUser();
        envoys.MapPut("/{id:int}", async Task<Ok<EnvoyView>> (int id, EnvoyRequest request, ClaimsPrincipal user, Envoys list, CancellationToken ct) =>
                TypedResults.Ok(await list.UpdateAsync(id, request, user, ct)))
            .WithSummary("修改派驻的乡镇、专长和期限（本区县管理员，管理员）")
            .RequireApiUser();
        envoys.MapGet("/mine", async Task<Ok<IReadOnlyList<EnvoyView>>> (ClaimsPrincipal user, Envoys list, CancellationToken ct) =>
                TypedResults.Ok(await list.MineAsync(user, ct)))
            .WithSummary("我的派驻")
            .RequireApiUser();
        envoys.MapPost("/{id:int}/logs", async Task<Created<ServiceLogView>> (int id, ServiceLogRequest request, ClaimsPrincipal user, Envoys list,
                CancellationToken ct) =>
            {
                var view = await list.LogAsync(id, request, user, null, ct);
                return TypedResults.Created($"/api/v1/envoys/logs?envoy={id}", view);
            })
            .WithSummary("记录服务日志（特派员本人）：date、townCode（须是派驻乡镇）、village、kind（guidance、training、consulting、demonstration、other）、hours、served、summary、photo（/media/… 地址）")
            .RequireApiUser();
        envoys.MapGet("/logs", async Task<Ok<IReadOnlyList<ServiceLogView>>> (string? district, int? envoy, ClaimsPrincipal user, Envoys list,
                CancellationToken ct) =>
                TypedResults.Ok(await list.LogsAsync(district, envoy, user, ct)))
            .WithSummary("服务日志：特派员看自己的，区县管理员看本区县的，管理员看全部；可按 district、envoy 筛选")
            .RequireApiUser();

        var volunteers = app.MapGroup("/api/v1/volunteers").WithTags("志愿者 Volunteers").RequireApiUser();
        volunteers.MapPut("/me", async Task<Ok<VolunteerView>> (VolunteerRequest request, ClaimsPrincipal user, Volunteers list, CancellationToken ct) =>
                TypedResults.Ok(await list.SaveAsync(request, user, ct)))
            .WithSummary("登记为志愿者或修改登记：kind（senior 银龄科普、student、staff、other）、skills、weekdays（1–7）、availability、districtCode、background");
        volunteers.MapGet("/me", async Task<Results<Ok<VolunteerView>, NotFound>> (ClaimsPrincipal user, Volunteers list, CancellationToken ct) =>
                await list.MineAsync(user, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound())
            .WithSummary("我的志愿者登记（未登记为 404）");
        volunteers.MapGet("/", async Task<Ok<IReadOnlyList<VolunteerView>>> (string? district, string? kind, string? skill, ClaimsPrincipal user, Volunteers list,
                CancellationToken ct) =>
                TypedResults.Ok(await list.ListAsync(district, kind, skill, user, ct)))
            .WithSummary("志愿者名单（区县管理员看本区县，管理员看全部），可按类别 kind、特长 skill 筛选");
        volunteers.MapPost("/hours", async Task<Created<HoursView>> (HoursRequest request, ClaimsPrincipal user, Volunteers list, CancellationToken ct) =>
            {
                var view = await list.RecordHoursAsync(request, user, ct);
                return TypedResults.Created($"/api/v1/volunteers/hours/{view.Id}", view);
            })
            .WithSummary("记录服务时长：date、hours（0.5–24）、activity、place、districtCode（缺省为登记的区县）、organizationId（组织单位，可不填）、served");
        volunteers.MapGet("/hours/mine", async Task<Ok<IReadOnlyList<HoursView>>> (ClaimsPrincipal user, Volunteers list, CancellationToken ct) =>
                TypedResults.Ok(await list.MyHoursAsync(user, ct)))
            .WithSummary("我记录的服务时长与确认状态");
        volunteers.MapGet("/hours/review", async Task<Ok<IReadOnlyList<HoursView>>> (string? state, ClaimsPrincipal user, Volunteers list, CancellationToken ct) =>
                TypedResults.Ok(await list.ToConfirmAsync(state, user, ct)))
            .WithSummary("我可以确认的服务时长：本区县的（区县管理员）、本单位组织的（机构），管理员看全部；state=submitted（默认）、confirmed、rejected、all");
        volunteers.MapPost("/hours/{id:int}/confirm", async Task<Ok<HoursView>> (int id, ClaimsPrincipal user, Volunteers list, CancellationToken ct) =>
                TypedResults.Ok(await list.ConfirmAsync(id, user, ct)))
            .WithSummary("确认服务时长：同时记为志愿服务科普工作实绩并写入学习账本（只记一次）");
        volunteers.MapPost("/hours/{id:int}/reject", async Task<Ok<HoursView>> (int id, RejectRequest request, ClaimsPrincipal user, Volunteers list,
                CancellationToken ct) =>
                TypedResults.Ok(await list.RejectAsync(id, request, user, ct)))
            .WithSummary("不予确认（须说明原因）");
    }
}
