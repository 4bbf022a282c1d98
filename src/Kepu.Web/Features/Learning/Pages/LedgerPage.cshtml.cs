using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Features.Learning.Entities;
using Kepu.Web.Features.Learning.Ledger;
using Kepu.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Learning.Pages;

/// <summary>
/// 账本: the chain heads published each day (public, so anyone can keep a copy), and for administrators a full check
/// that names every changed, inserted or deleted record.
/// </summary>
public sealed class LedgerPageModel(AppDbContext db, LedgerVerifier verifier) : PageModel
{
    public IReadOnlyList<LedgerDigest> Digests { get; private set; } = [];
    public long Entries { get; private set; }
    public LedgerReport? Report { get; private set; }
    public bool Admin => User.IsInRole(Roles.Admin);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken ct)
    {
        if (!Admin)
        {
            return Forbid();
        }

        Report = await verifier.VerifyAsync(ct);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Digests = await db.Set<LedgerDigest>().AsNoTracking().OrderByDescending(d => d.Day).Take(60).ToListAsync(ct);
        Entries = await db.Set<LedgerEntry>().LongCountAsync(ct);
    }
}
