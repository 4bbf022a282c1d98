using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Accounts;

/// <summary>What other modules may ask about people and organisations. They never read Accounts' tables.</summary>
public interface IAccountDirectory
{
    Task<IReadOnlyList<int>> OrganizationIdsAsync(string userId, CancellationToken ct = default);

    /// <summary>The organisations the person manages (speaks for).</summary>
    Task<IReadOnlyList<int>> ManagedOrganizationIdsAsync(string userId, CancellationToken ct = default);

    /// <summary>The id of the account with this user name, or null when there is none or it was deleted.</summary>
    Task<string?> UserIdByNameAsync(string userName, CancellationToken ct = default);
    Task<IReadOnlyList<string>> DisciplinesAsync(string userId, CancellationToken ct = default);
    Task<IReadOnlyDictionary<int, string>> OrganizationNamesAsync(IEnumerable<int> ids, CancellationToken ct = default);
    Task<IReadOnlyDictionary<string, string>> DisplayNamesAsync(IEnumerable<string> userIds, CancellationToken ct = default);
    Task<int?> OrganizationIdByNameAsync(string name, CancellationToken ct = default);
    Task<PersonProfile?> ProfileAsync(string userId, CancellationToken ct = default);
    /// <summary>Expert accounts (not deleted), with the disciplines they review.</summary>
    Task<IReadOnlyList<ExpertCard>> ExpertsAsync(CancellationToken ct = default);

    /// <summary>Every organisation with its parent unit (单位 → 部门), and the members of the given ones.</summary>
    /// <summary>When the account was created and whether its holder's identity was checked (实名核验); null for an unknown or deleted account.</summary>
    Task<AccountStanding?> StandingAsync(string userId, CancellationToken ct = default);

    Task<IReadOnlyList<OrganizationNode>> OrganizationTreeAsync(CancellationToken ct = default);

    Task<IReadOnlyList<(int OrganizationId, string UserId, bool IsManager)>> MembersAsync(IReadOnlyCollection<int> organizationIds, CancellationToken ct = default);

    /// <summary>When the taxonomy renames a topic, experts' disciplines follow.</summary>
    Task RenameDisciplineAsync(string oldName, string newName, CancellationToken ct = default);
}

/// <summary>An expert as other modules see them: who, and the taxonomy topics they review (their disciplines).</summary>
public sealed record ExpertCard(string Id, string Name, IReadOnlyList<string> Disciplines);

public sealed record AccountStanding(DateTime CreatedAt, bool Verified);

public sealed record OrganizationNode(int Id, string Name, string Kind, int? ParentId);

/// <summary>What the feed may know of a person: declared groups, place, interests and display preference.</summary>
public sealed record PersonProfile(IReadOnlyList<string> Audiences, string? District, IReadOnlyList<string> Interests, bool ElderMode);

internal sealed class AccountDirectory(AppDbContext db, AccountSnapshots snapshots, ILookupNormalizer normalizer) : IAccountDirectory
{
    public async Task<IReadOnlyList<int>> OrganizationIdsAsync(string userId, CancellationToken ct = default) =>
        await db.Set<OrganizationMember>().AsNoTracking().Where(m => m.UserId == userId).Select(m => m.OrganizationId).ToListAsync(ct);

    public async Task<IReadOnlyList<int>> ManagedOrganizationIdsAsync(string userId, CancellationToken ct = default) =>
        await db.Set<OrganizationMember>().AsNoTracking().Where(m => m.UserId == userId && m.IsManager).Select(m => m.OrganizationId).ToListAsync(ct);

    public async Task<string?> UserIdByNameAsync(string userName, CancellationToken ct = default)
    {
        var normalized = normalizer.NormalizeName(userName.Trim());
        return await db.Set<AppUser>().AsNoTracking().Where(u => u.NormalizedUserName == normalized && u.DeletedAt == null).Select(u => u.Id).FirstOrDefaultAsync(ct);
    }

    public async Task<IReadOnlyList<string>> DisciplinesAsync(string userId, CancellationToken ct = default) =>
        await db.Set<AppUser>().AsNoTracking().Where(u => u.Id == userId).Select(u => u.Disciplines).FirstOrDefaultAsync(ct) ?? [];

    public Task<IReadOnlyDictionary<int, string>> OrganizationNamesAsync(IEnumerable<int> ids, CancellationToken ct = default) =>
        snapshots.OrganizationNamesAsync(db, ids, ct);

    public async Task<IReadOnlyDictionary<string, string>> DisplayNamesAsync(IEnumerable<string> userIds, CancellationToken ct = default) =>
        (await snapshots.GetManyAsync(db, userIds, ct)).ToDictionary(p => p.Key, p => p.Value.DisplayName);

    public async Task<PersonProfile?> ProfileAsync(string userId, CancellationToken ct = default) =>
        await snapshots.GetAsync(db, userId, ct) is { Deleted: false } account ? account.Profile : null;

    public async Task<IReadOnlyList<ExpertCard>> ExpertsAsync(CancellationToken ct = default)
    {
        var rows = await (from u in db.Set<AppUser>().AsNoTracking()
                          join ur in db.Set<Microsoft.AspNetCore.Identity.IdentityUserRole<string>>() on u.Id equals ur.UserId
                          join r in db.Set<Microsoft.AspNetCore.Identity.IdentityRole>() on ur.RoleId equals r.Id
                          where r.Name == Roles.Expert && u.DeletedAt == null
                          orderby u.UserName
                          select new { u.Id, Name = u.DisplayName ?? u.UserName!, u.Disciplines }).ToListAsync(ct);
        return rows.Select(r => new ExpertCard(r.Id, r.Name, r.Disciplines)).ToList();
    }

    public async Task<AccountStanding?> StandingAsync(string userId, CancellationToken ct = default) =>
        await db.Set<AppUser>().AsNoTracking().Where(u => u.Id == userId && u.DeletedAt == null)
            .Select(u => new AccountStanding(u.CreatedAt, u.VerifiedAt != null)).FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyList<OrganizationNode>> OrganizationTreeAsync(CancellationToken ct = default) =>
        await db.Set<Organization>().AsNoTracking().OrderBy(o => o.Id).Select(o => new OrganizationNode(o.Id, o.Name, o.Kind, o.ParentId)).ToListAsync(ct);

    public async Task<IReadOnlyList<(int OrganizationId, string UserId, bool IsManager)>> MembersAsync(IReadOnlyCollection<int> organizationIds, CancellationToken ct = default) =>
        (await db.Set<OrganizationMember>().AsNoTracking().Where(m => organizationIds.Contains(m.OrganizationId))
            .Select(m => new { m.OrganizationId, m.UserId, m.IsManager }).ToListAsync(ct)).Select(m => (m.OrganizationId, m.UserId, m.IsManager)).ToList();

    public async Task RenameDisciplineAsync(string oldName, string newName, CancellationToken ct = default)
    {
        var experts = await db.Set<AppUser>().Where(u => u.Disciplines.Contains(oldName)).ToListAsync(ct);
        foreach (var expert in experts)
        {
            expert.Disciplines = [.. expert.Disciplines.Select(d => d == oldName ? newName : d).Distinct()];
        }

        await db.SaveChangesAsync(ct);
    }

    public async Task<int?> OrganizationIdByNameAsync(string name, CancellationToken ct = default) =>
        await db.Set<Organization>().AsNoTracking().Where(o => o.Name == name).Select(o => (int?)o.Id).FirstOrDefaultAsync(ct);
}
