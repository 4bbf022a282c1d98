using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Accounts;

public sealed record DistrictAccountFigures(string District, int Registered, IReadOnlyDictionary<string, int> ByAudience, int ElderModeUsers, int Organizations);

/// <summary>
/// A district's figures about registered people, for its district administrator: counts only, never names.
/// </summary>
public sealed class DistrictAccounts(AppDbContext db)
{
    public async Task<DistrictAccountFigures> FiguresAsync(string district, CancellationToken ct = default)
    {
        // Counted in the database: a large district may have hundreds of thousands of accounts.
        var people = db.Set<AppUser>().AsNoTracking().Where(u => u.DistrictCode == district && u.DeletedAt == null);
        var registered = await people.CountAsync(ct);
        var byAudience = new Dictionary<string, int>();
        foreach (var (code, _) in Audiences.All)
        {
            byAudience[code] = await people.CountAsync(u => u.Audiences.Contains(code), ct);
        }

        var elder = await people.CountAsync(u => u.ElderMode, ct);
        var orgs = await db.Set<Organization>().CountAsync(o => o.DistrictCode == district, ct);
        return new DistrictAccountFigures(district, registered, byAudience, elder, orgs);
    }
}
