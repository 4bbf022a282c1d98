using System.Security.Claims;
using Kepu.Web.Features.Accounts.Admin;
using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Kepu.Web.Features.Accounts;

internal static class AccountsApi
{
    public static void MapAccountsApi(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/v1/auth").WithTags("账号 Accounts");
        auth.MapPost("/register", RegisterAsync)
            .WithSummary("注册公众账号")
            .WithDescription($"调用方须先向用户展示隐私政策（/privacy，当前版本 {PrivacyNotice.CurrentVersion}）；privacyVersion 省略时视为同意当前版本。")
            .RequireRateLimiting(RateLimits.Auth);
        auth.MapPost("/token", TokenAsync)
            .WithSummary("用用户名和密码换取访问令牌（Bearer）")
            .Produces<TokenResponse>()
            .RequireRateLimiting(RateLimits.Auth);

        var me = app.MapGroup("/api/v1/me").WithTags("账号 Accounts").RequireApiUser();
        me.MapGet("/", GetMeAsync).WithSummary("当前用户的资料");
        me.MapPut("/", UpdateMeAsync).WithSummary("修改当前用户的资料");
        me.MapPut("/password", ChangePasswordAsync).WithSummary("修改密码");
        me.MapGet("/data", ExportAsync).WithSummary("下载我的全部数据（个人信息保护法）");
        me.MapDelete("/", DeleteAsync).WithSummary("注销账号（删除或匿名化个人信息）");

        var admin = app.MapGroup("/api/v1/admin").WithTags("管理 Admin").RequireApiUser(Roles.Admin);
        admin.MapGet("/users", ListUsersAsync).WithSummary("用户列表");
        admin.MapPut("/users/{id}/roles", SetRolesAsync).WithSummary("设置用户角色");
        admin.MapGet("/organizations", ListOrganizationsAsync).WithSummary("机构列表");
        admin.MapPost("/organizations", CreateOrganizationAsync).WithSummary("新建机构");

        app.MapGet("/api/v1/districts/{code}/accounts", DistrictFiguresAsync)
            .WithTags("区县 Regions")
            .WithSummary("本区县注册人数统计（管理员；区县管理员仅限本区县）")
            .RequireApiUser(Roles.Admin, Roles.DistrictAdmin);
    }

    public sealed record TokenResponse(string TokenType, string AccessToken, long ExpiresIn, string RefreshToken);

    private static async Task<Created<RegisterResult>> RegisterAsync(RegisterRequest request, Register register, CancellationToken ct)
    {
        var result = await register.HandleAsync(request, "api", ct);
        return TypedResults.Created("/api/v1/me", result);
    }

    private static async Task<Results<SignInHttpResult, ProblemHttpResult>> TokenAsync(TokenRequest request, IssueToken issue)
    {
        try
        {
            var principal = await issue.HandleAsync(request);
            if (principal is null)
            {
                return TypedResults.Problem(title: "登录失败", detail: "用户名或密码不正确。", statusCode: StatusCodes.Status401Unauthorized);
            }

            // The bearer-token handler writes {"tokenType","accessToken","expiresIn","refreshToken"}.
            return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
        }
        catch (LockedOutException e)
        {
            return TypedResults.Problem(title: "账号已锁定", detail: e.Message, statusCode: StatusCodes.Status423Locked);
        }
    }

    private static async Task<Ok<ProfileView>> GetMeAsync(ClaimsPrincipal user, Profile profile, CancellationToken ct) =>
        TypedResults.Ok(await profile.GetAsync(user.UserId()!, ct));

    private static async Task<Ok<ProfileView>> UpdateMeAsync(UpdateProfileRequest request, ClaimsPrincipal user, Profile profile, CancellationToken ct) =>
        TypedResults.Ok(await profile.UpdateAsync(user.UserId()!, request, ct));

    private static async Task<NoContent> ChangePasswordAsync(ChangePasswordRequest request, ClaimsPrincipal user, ChangePassword change)
    {
        await change.HandleAsync(user.UserId()!, request);
        return TypedResults.NoContent();
    }

    private static async Task<FileContentHttpResult> ExportAsync(ClaimsPrincipal user, MyData data, CancellationToken ct) =>
        MyDataFile.Create(await data.ExportAsync(user.UserId()!, ct));

    private static async Task<NoContent> DeleteAsync(ClaimsPrincipal user, MyData data, [Microsoft.AspNetCore.Mvc.FromHeader(Name = "X-Confirm-Password")] string? password, CancellationToken ct)
    {
        await data.DeleteAsync(user.UserId()!, password, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<UserPage>> ListUsersAsync(ManageUsers manage, string? q, string? role, string? district, int? page, CancellationToken ct) =>
        TypedResults.Ok(await manage.ListAsync(new UserFilter(q, role, district, page ?? 1), ct));

    public sealed record SetRolesRequest(IReadOnlyList<string>? Roles, string? ManagedDistrict);

    private static async Task<Ok<UserRow>> SetRolesAsync(string id, SetRolesRequest request, ClaimsPrincipal user, ManageUsers manage, CancellationToken ct)
    {
        await manage.SetRolesAsync(id, request.Roles ?? [], request.ManagedDistrict, user.UserId()!, ct);
        return TypedResults.Ok(await manage.GetAsync(id, ct));
    }

    private static async Task<Ok<IReadOnlyList<OrganizationRow>>> ListOrganizationsAsync(ManageOrganizations manage, string? q, string? kind, CancellationToken ct) =>
        TypedResults.Ok(await manage.ListAsync(q, kind, ct));

    private static async Task<Created<OrganizationDetail>> CreateOrganizationAsync(OrganizationRequest request, ManageOrganizations manage, CancellationToken ct)
    {
        var id = await manage.CreateAsync(request, ct);
        return TypedResults.Created($"/api/v1/admin/organizations/{id}", await manage.GetAsync(id, ct));
    }

    private static async Task<Ok<DistrictAccountFigures>> DistrictFiguresAsync(string code, ClaimsPrincipal user, DistrictAccounts figures,
        Regions.IRegionDirectory regions, CancellationToken ct)
    {
        user.EnsureCanManageDistrict(code);
        if (await regions.FindDistrictAsync(code, ct) is null)
        {
            throw new NotFoundException($"区县代码 {code} 不存在。");
        }

        return TypedResults.Ok(await figures.FiguresAsync(code, ct));
    }
}
