using System.Security.Claims;
using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Contests.Entities;
using Kepu.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Contests;

public sealed record AuditRow(long Id, DateTime At, string Actor, string Action, string Detail);

/// <summary>The audit trail of a call, for its organisers.</summary>
public sealed class AuditTrail(AppDbContext db, IAccountDirectory accounts)
{
    public async Task<IReadOnlyList<AuditRow>> ListAsync(int callId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        ContestAccess.EnsureRuns(user);
        _ = await ContestAccess.LoadCallAsync(db, callId, ct);
        var rows = await db.Set<ContestAudit>().AsNoTracking().Where(a => a.CallId == callId).OrderBy(a => a.Id).Take(5000).ToListAsync(ct);
        var names = await accounts.DisplayNamesAsync(rows.Select(r => r.ActorId).Distinct(), ct);
        return [.. rows.Select(r => new AuditRow(r.Id, r.At, names.GetValueOrDefault(r.ActorId, r.ActorId), r.Action, r.Detail))];
    }
}
