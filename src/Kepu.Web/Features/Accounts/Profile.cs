using System.ComponentModel.DataAnnotations;
using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Features.Regions;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Accounts;

public sealed record OrganizationRef(int Id, string Name, string Kind, bool IsManager);

public sealed record ProfileView(
    string Id,
    string UserName,
    string? DisplayName,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> Audiences,
    string? District,
    string? DistrictName,
    string? Town,
    string? TownName,
    IReadOnlyList<string> Interests,
    bool ElderMode,
    string? ManagedDistrict,
    IReadOnlyList<OrganizationRef> Organizations,
    IReadOnlyList<string> Disciplines,
    DateTime CreatedAt);

public sealed record UpdateProfileRequest
{
    [Display(Name = "昵称")]
    [StringLength(32, ErrorMessage = "昵称不能超过 32 个字。")]
    [PlainText]
    public string? DisplayName { get; init; }

    public IReadOnlyList<string>? Audiences { get; init; }

    [Required(ErrorMessage = "请选择所在区县。")]
    public string? District { get; init; }

    public string? Town { get; init; }

    public IReadOnlyList<string>? Interests { get; init; }

    public bool? ElderMode { get; init; }
}

/// <summary>Reads and edits the signed-in person's own profile.</summary>
public sealed class Profile(AppDbContext db, UserManager<AppUser> users, IRegionDirectory regions)
{
    public async Task<ProfileView> GetAsync(string userId, CancellationToken ct = default)
    {
        var user = await FindActiveAsync(userId, ct);
        var roles = await users.GetRolesAsync(user);
        var district = await regions.FindDistrictAsync(user.DistrictCode, ct);
        var town = await regions.FindTownAsync(user.TownCode, ct);
        var orgs = await (from m in db.Set<OrganizationMember>().AsNoTracking()
                          join o in db.Set<Organization>().AsNoTracking() on m.OrganizationId equals o.Id
                          where m.UserId == user.Id
                          orderby o.Name
                          select new OrganizationRef(o.Id, o.Name, o.Kind, m.IsManager)).ToListAsync(ct);
        return new ProfileView(user.Id, user.UserName!, user.DisplayName, [.. roles.Order()], user.Audiences, user.DistrictCode,
            district?.Name, user.TownCode, town?.Name, user.Interests, user.ElderMode, user.ManagedDistrictCode, orgs, user.Disciplines, user.CreatedAt);
    }

    public async Task<ProfileView> UpdateAsync(string userId, UpdateProfileRequest request, CancellationToken ct = default)
    {
        var v = RequestValidator.For(request);
        await ProfileRules.CheckAsync(v, request.Audiences, request.District, request.Town, request.Interests, regions, ct);
        v.ThrowIfInvalid();

        var user = await FindActiveAsync(userId, ct);
        user.DisplayName = string.IsNullOrWhiteSpace(request.DisplayName) ? null : request.DisplayName.Trim();
        user.Audiences = [.. request.Audiences!.Distinct()];
        user.DistrictCode = request.District;
        user.TownCode = string.IsNullOrWhiteSpace(request.Town) ? null : request.Town;
        user.Interests = [.. (request.Interests ?? []).Distinct()];
        if (request.ElderMode is { } elder)
        {
            user.ElderMode = elder;
        }

        IdentityChecks.Ensure(await users.UpdateAsync(user), nameof(request.DisplayName));
        return await GetAsync(userId, ct);
    }

    public async Task SetElderModeAsync(string userId, bool on, CancellationToken ct = default)
    {
        var user = await FindActiveAsync(userId, ct);
        if (user.ElderMode != on)
        {
            user.ElderMode = on;
            await users.UpdateAsync(user);
        }
    }

    private async Task<AppUser> FindActiveAsync(string userId, CancellationToken ct)
    {
        var user = await db.Set<AppUser>().FirstOrDefaultAsync(u => u.Id == userId, ct);
        return user is null || user.IsDeleted ? throw new NotFoundException("账号不存在或已注销。") : user;
    }
}
