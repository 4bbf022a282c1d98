using System.Security.Claims;
using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Features.Regions;
using Kepu.Web.Infrastructure.Errors;

namespace Kepu.Web.Features.Insights.Dashboards;

/// <summary>What a dashboard covers: months, one district or the whole city, one audience group or all.</summary>
/// <param name="District">Null for the whole city (leaders only).</param>
public sealed record ReachScope(MonthRange Range, DistrictInfo? District, string? Audience)
{
    public bool WholeCity => District is null;
}

/// <summary>
/// Who may see which figures, checked on the server for pages, API and exports alike: administrators (leaders) see the
/// whole city or any district; a district administrator sees their own district, by default and only.
/// </summary>
public sealed class ReachAccess(IRegionDirectory regions, TimeProvider clock)
{
    public async Task<ReachScope> ResolveAsync(ClaimsPrincipal user, string? from, string? to, string? district, string? audience, CancellationToken ct = default)
    {
        var range = MonthRange.Parse(from, to, clock.GetUtcNow().UtcDateTime);
        if (!string.IsNullOrEmpty(audience) && audience != Unknown.Code && !Audiences.IsValid(audience))
        {
            throw new ValidationFailedException(new Dictionary<string, string[]> { ["audience"] = [$"没有“{audience}”这个人群类别。"] });
        }

        return new ReachScope(range, await DistrictAsync(user, district, ct), string.IsNullOrEmpty(audience) ? null : audience);
    }

    /// <summary>The district the caller may see: theirs for a district administrator, the one asked for (or none: the city) for a leader.</summary>
    public async Task<DistrictInfo?> DistrictAsync(ClaimsPrincipal user, string? district, CancellationToken ct = default)
    {
        if (!user.IsInRole(Roles.Admin) && !user.IsInRole(Roles.DistrictAdmin))
        {
            throw new ForbiddenException("只有管理员和区县管理员可以查看运行监测。");
        }

        var code = string.IsNullOrEmpty(district) ? (user.IsInRole(Roles.Admin) ? null : user.ManagedDistrictCode()) : district;
        if (code is null)
        {
            return user.IsInRole(Roles.Admin) ? null : throw new ForbiddenException("您的账号还没有绑定区县，请联系管理员。");
        }

        user.EnsureCanManageDistrict(code);
        return await regions.FindDistrictAsync(code, ct) ?? throw new NotFoundException($"区县 {code} 不存在。");
    }
}

/// <summary>How rows without a district or audience group are labelled.</summary>
public static class Unknown
{
    public const string Code = "none";
    public const string District = "未注明区县";
    public const string Audience = "未注明人群";
}
