using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.Extensions.Caching.Memory;

namespace Kepu.Web.Features.Accounts;

/// <summary>What requests need of an account again and again: the security stamp (is the token still good?), the profile and the display name.</summary>
public sealed record AccountSnapshot(string? SecurityStamp, bool Deleted, PersonProfile Profile, string DisplayName);

/// <summary>
/// Accounts and organisation names in memory for a few seconds, instead of queries on every request. Every change to
/// an account or organisation goes through <see cref="AppDbContext"/>'s SaveChanges (Identity's store included), and
/// <see cref="AccountCacheEviction"/> forgets it there, so in this process a password, role or lock change revokes
/// tokens at once; other app servers (PostgreSQL deployments) follow within <see cref="Lifetime"/>.
/// </summary>
public sealed class AccountSnapshots(IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    public async Task<AccountSnapshot?> GetAsync(AppDbContext db, string userId, CancellationToken ct = default) =>
        (await GetManyAsync(db, [userId], ct)).GetValueOrDefault(userId);

    /// <summary>The accounts that exist among <paramref name="userIds"/>; the ones not in memory are read in one query.</summary>
    public async Task<IReadOnlyDictionary<string, AccountSnapshot>> GetManyAsync(AppDbContext db, IEnumerable<string> userIds, CancellationToken ct = default)
    {
        var found = new Dictionary<string, AccountSnapshot>();
        var missing = new List<string>();
        foreach (var id in userIds.Distinct())
        {
            if (!cache.TryGetValue(UserKey(id), out AccountSnapshot? cached))
            {
                missing.Add(id);
            }
            else if (cached is not null)
            {
                found[id] = cached;
            }
        }

        if (missing.Count == 0)
        {
            return found;
        }

        var rows = await db.Set<AppUser>().AsNoTracking()
            .Where(u => missing.Contains(u.Id))
            .Select(u => new
            {
                u.Id,
                Snapshot = new AccountSnapshot(u.SecurityStamp, u.DeletedAt != null, new PersonProfile(u.Audiences, u.DistrictCode, u.Interests, u.ElderMode),
                    u.DisplayName ?? u.UserName ?? ""),
            })
            .ToDictionaryAsync(r => r.Id, r => r.Snapshot, ct);
        foreach (var id in missing)
        {
            var snapshot = rows.GetValueOrDefault(id);
            cache.Set(UserKey(id), snapshot, Entry(256));
            if (snapshot is not null)
            {
                found[id] = snapshot;
            }
        }

        return found;
    }

    public async Task<IReadOnlyDictionary<int, string>> OrganizationNamesAsync(AppDbContext db, IEnumerable<int> ids, CancellationToken ct = default)
    {
        var found = new Dictionary<int, string>();
        var missing = new List<int>();
        foreach (var id in ids.Distinct())
        {
            if (cache.TryGetValue(OrganizationKey(id), out string? name) && name is not null)
            {
                found[id] = name;
            }
            else
            {
                missing.Add(id);
            }
        }

        if (missing.Count > 0)
        {
            foreach (var o in await db.Set<Organization>().AsNoTracking().Where(o => missing.Contains(o.Id)).Select(o => new { o.Id, o.Name }).ToListAsync(ct))
            {
                cache.Set(OrganizationKey(o.Id), o.Name, Entry(64 + (o.Name.Length * 2)));
                found[o.Id] = o.Name;
            }
        }

        return found;
    }

    internal void Forget(string key) => cache.Remove(key);

    internal static string UserKey(string userId) => "accounts:user:" + userId;

    internal static string OrganizationKey(int id) => "accounts:organization:" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static MemoryCacheEntryOptions Entry(long size) => new() { AbsoluteExpirationRelativeToNow = Lifetime, Size = size };
}

/// <summary>Forgets cached accounts and organisations that a save changes (Identity's store saves through the same context).</summary>
internal sealed class AccountCacheEviction(AccountSnapshots snapshots) : EvictOnSave<string>
{
    protected override IEnumerable<string> Changed(ChangeTracker changes) =>
        changes.Entries<AppUser>().Where(IsChange).Select(e => AccountSnapshots.UserKey(e.Entity.Id))
            .Concat(changes.Entries<Organization>().Where(IsChange).Select(e => AccountSnapshots.OrganizationKey(e.Entity.Id)));

    protected override void Forget(string key) => snapshots.Forget(key);
}
