using System.ComponentModel.DataAnnotations;
using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Features.Regions;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Validation;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Accounts.Admin;

public sealed record OrganizationRequest
{
    [Display(Name = "机构名称")]
    [Required(ErrorMessage = "请填写机构名称。")]
    [StringLength(64, MinimumLength = 2, ErrorMessage = "机构名称需要 2 到 64 个字。")]
    [PlainText]
    public string? Name { get; init; }

    [Required(ErrorMessage = "请选择机构类型。")]
    public string? Kind { get; init; }

    public string? District { get; init; }

    /// <summary>上级单位 (its id), for a department.</summary>
    public int? ParentId { get; init; }
}

public sealed record OrganizationRow(int Id, string Name, string Kind, string? District, int MemberCount);

public sealed record MemberRow(string UserId, string UserName, string? DisplayName, bool IsManager, DateTime JoinedAt);

public sealed record OrganizationDetail(int Id, string Name, string Kind, string? District, IReadOnlyList<MemberRow> Members, int? ParentId = null);

/// <summary>Administrators create and edit organisations and manage their members.</summary>
public sealed class ManageOrganizations(AppDbContext db, IRegionDirectory regions, TimeProvider clock)
{
    public async Task<IReadOnlyList<OrganizationRow>> ListAsync(string? query, string? kind, CancellationToken ct = default)
    {
        var q = db.Set<Organization>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query))
        {
            q = q.Where(o => o.Name.Contains(query.Trim()));
        }

        if (!string.IsNullOrWhiteSpace(kind))
        {
            q = q.Where(o => o.Kind == kind);
        }

        return await q.OrderBy(o => o.Name)
            .Select(o => new OrganizationRow(o.Id, o.Name, o.Kind, o.DistrictCode, o.Members.Count))
            .ToListAsync(ct);
    }

    public async Task<OrganizationDetail> GetAsync(int id, CancellationToken ct = default)
    {
        var org = await db.Set<Organization>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct)
            ?? throw new NotFoundException("机构不存在。");
        var members = await (from m in db.Set<OrganizationMember>().AsNoTracking()
                             join u in db.Set<AppUser>().AsNoTracking() on m.UserId equals u.Id
                             where m.OrganizationId == id
                             orderby u.UserName
                             select new MemberRow(u.Id, u.UserName!, u.DisplayName, m.IsManager, m.JoinedAt)).ToListAsync(ct);
        return new OrganizationDetail(org.Id, org.Name, org.Kind, org.DistrictCode, members, org.ParentId);
    }

    public async Task<int> CreateAsync(OrganizationRequest request, CancellationToken ct = default)
    {
        await ValidateAsync(request, null, ct);
        var org = new Organization(request.Name!.Trim(), request.Kind!, NullIfEmpty(request.District), clock.GetUtcNow().UtcDateTime);
        db.Add(org);
        await db.SaveChangesAsync(ct);
        org.MoveUnder(request.ParentId, await AncestorsAsync(request.ParentId, ct));
        await db.SaveChangesAsync(ct);
        return org.Id;
    }

    public async Task UpdateAsync(int id, OrganizationRequest request, CancellationToken ct = default)
    {
        var org = await db.Set<Organization>().FirstOrDefaultAsync(o => o.Id == id, ct) ?? throw new NotFoundException("机构不存在。");
        await ValidateAsync(request, id, ct);
        org.Update(request.Name!.Trim(), request.Kind!, NullIfEmpty(request.District));
        org.MoveUnder(request.ParentId, await AncestorsAsync(request.ParentId, ct));
        await db.SaveChangesAsync(ct);
    }

    public async Task AddMemberAsync(int id, string userName, bool isManager, CancellationToken ct = default)
    {
        var org = await db.Set<Organization>().Include(o => o.Members).FirstOrDefaultAsync(o => o.Id == id, ct)
            ?? throw new NotFoundException("机构不存在。");
        var normalized = userName.Trim().ToUpperInvariant();
        var user = await db.Set<AppUser>().FirstOrDefaultAsync(u => u.NormalizedUserName == normalized && u.DeletedAt == null, ct);
        if (user is null)
        {
            throw new ValidationFailedException(new Dictionary<string, string[]> { ["userName"] = [$"用户“{userName}”不存在。"] });
        }

        org.AddMember(user.Id, isManager, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
    }

    public async Task RemoveMemberAsync(int id, string userId, CancellationToken ct = default)
    {
        var removed = await db.Set<OrganizationMember>().Where(m => m.OrganizationId == id && m.UserId == userId).ExecuteDeleteAsync(ct);
        if (removed == 0)
        {
            throw new NotFoundException("该成员不存在。");
        }
    }

    private async Task ValidateAsync(OrganizationRequest request, int? id, CancellationToken ct)
    {
        var v = RequestValidator.For(request);
        if (request.Kind is not null && !OrganizationKinds.IsValid(request.Kind))
        {
            v.Add(nameof(request.Kind), "机构类型无效。");
        }

        if (!string.IsNullOrEmpty(request.District) && await regions.FindDistrictAsync(request.District, ct) is null)
        {
            v.Add(nameof(request.District), "区县不存在。");
        }

        if (request.ParentId is { } parent && !await db.Set<Organization>().AnyAsync(o => o.Id == parent, ct))
        {
            v.Add(nameof(request.ParentId), $"上级单位 {parent} 不存在。");
        }

        if (!v.Has(nameof(request.Name)) && request.Name is not null)
        {
            var name = request.Name.Trim();
            if (await db.Set<Organization>().AnyAsync(o => o.Name == name && o.Id != id, ct))
            {
                v.Add(nameof(request.Name), $"机构“{name}”已存在。");
            }
        }

        v.ThrowIfInvalid();
    }

    /// <summary>The organisation and every unit above it.</summary>
    private async Task<IReadOnlyCollection<int>> AncestorsAsync(int? id, CancellationToken ct)
    {
        var parents = await db.Set<Organization>().AsNoTracking().Select(o => new { o.Id, o.ParentId }).ToDictionaryAsync(o => o.Id, o => o.ParentId, ct);
        var result = new HashSet<int>();
        for (var at = id; at is { } current && result.Add(current); at = parents.GetValueOrDefault(current))
        {
        }

        return result;
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
