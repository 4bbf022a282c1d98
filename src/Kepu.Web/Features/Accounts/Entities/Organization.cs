using Kepu.Web.Infrastructure.Errors;

namespace Kepu.Web.Features.Accounts.Entities;

/// <summary>A university, institute, enterprise, society, venue, medium, department, community or school.</summary>
public sealed class Organization
{
    private Organization()
    {
    }

    public Organization(string name, string kind, string? districtCode, DateTime now)
    {
        Name = name;
        Kind = kind;
        DistrictCode = districtCode;
        CreatedAt = now;
    }

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public string Kind { get; private set; } = "";
    public string? DistrictCode { get; private set; }

    /// <summary>The unit a department belongs to (单位 → 部门), or null for a top-level unit.</summary>
    public int? ParentId { get; private set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>Places this organisation under another; <paramref name="ancestorsOfParent"/> must not contain this one (no cycles).</summary>
    public void MoveUnder(int? parentId, IReadOnlyCollection<int> ancestorsOfParent)
    {
        if (parentId is { } p && (p == Id || ancestorsOfParent.Contains(Id)))
        {
            throw new BusinessRuleException("上级单位不能是它自己或它的下级部门。");
        }

        ParentId = parentId;
    }
    public List<OrganizationMember> Members { get; private set; } = [];

    public void Update(string name, string kind, string? districtCode)
    {
        Name = name;
        Kind = kind;
        DistrictCode = districtCode;
    }

    public OrganizationMember AddMember(string userId, bool isManager, DateTime now)
    {
        if (Members.Any(m => m.UserId == userId))
        {
            throw new BusinessRuleException("该用户已经是本机构成员。");
        }

        var member = new OrganizationMember(Id, userId, isManager, now);
        Members.Add(member);
        return member;
    }
}

public sealed class OrganizationMember
{
    private OrganizationMember()
    {
    }

    public OrganizationMember(int organizationId, string userId, bool isManager, DateTime joinedAt)
    {
        OrganizationId = organizationId;
        UserId = userId;
        IsManager = isManager;
        JoinedAt = joinedAt;
    }

    public int OrganizationId { get; private set; }
    public string UserId { get; private set; } = "";

    /// <summary>Managers speak for the organisation (submit its content, manage its members later on).</summary>
    public bool IsManager { get; private set; }
    public DateTime JoinedAt { get; private set; }
}
