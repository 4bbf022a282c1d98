using System.Security.Cryptography;
using Kepu.Web.Features.Learning.Entities;
using Kepu.Web.Features.Learning.Ledger;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Learning;

public sealed record CertificateView(string Code, string HolderName, string Kind, string Title, string? Detail, DateTime IssuedAt, long LedgerSequence,
    string LedgerHash, bool Valid, string Check);

/// <summary>
/// Certificates: issued with their ledger record in one transaction, and checked for anyone at <c>/verify/{code}</c>
/// (the record must still be there, say the same thing, and hash to what the chain says).
/// </summary>
public sealed class Certificates(AppDbContext db, LedgerWriter ledger)
{
    private const string CodeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public async Task<CertificateSession> BeginAsync(CancellationToken ct) => new(db, await ledger.BeginAsync(db, ct));

    public async Task<CertificateView> VerifyAsync(string code, CancellationToken ct = default)
    {
        var normalized = (code ?? "").Trim().ToUpperInvariant();
        var certificate = await db.Set<Certificate>().AsNoTracking().FirstOrDefaultAsync(c => c.Code == normalized, ct)
            ?? throw new NotFoundException($"没有编号为“{code}”的证书。");
        var entry = await db.Set<LedgerEntry>().AsNoTracking().FirstOrDefaultAsync(e => e.Sequence == certificate.LedgerSequence, ct);
        var previous = await db.Set<LedgerEntry>().AsNoTracking().Where(e => e.Sequence == certificate.LedgerSequence - 1).Select(e => e.Hash).FirstOrDefaultAsync(ct)
            ?? (certificate.LedgerSequence == 1 ? LedgerEntry.Genesis : null);
        var (valid, check) = entry switch
        {
            null => (false, "账本中找不到这张证书的记录。"),
            _ when entry.ComputeHash() != entry.Hash => (false, "账本记录被改动过，证书不可信。"),
            _ when entry.PreviousHash != previous => (false, "账本记录与前一条接不上，证书不可信。"),
            _ when !Matches(entry.Payload, certificate) => (false, "证书内容与账本记录不一致。"),
            _ => (true, $"真实有效：与账本第 {entry.Sequence} 条记录一致。"),
        };
        return new CertificateView(certificate.Code, certificate.HolderName, certificate.Kind, certificate.Title, certificate.Detail, certificate.IssuedAt,
            certificate.LedgerSequence, entry?.Hash ?? "", valid, check);
    }

    public async Task<IReadOnlyList<Certificate>> MineAsync(string userId, CancellationToken ct = default) =>
        await db.Set<Certificate>().AsNoTracking().Where(c => c.UserId == userId).OrderByDescending(c => c.IssuedAt).ToListAsync(ct);

    /// <summary>The ledger record names this certificate: same code, holder and title.</summary>
    private static bool Matches(string payload, Certificate certificate)
    {
        using var json = System.Text.Json.JsonDocument.Parse(payload);
        var root = json.RootElement;
        return root.TryGetProperty("code", out var code) && code.GetString() == certificate.Code
            && root.TryGetProperty("holder", out var holder) && holder.GetString() == certificate.HolderName
            && root.TryGetProperty("title", out var title) && title.GetString() == certificate.Title;
    }

    internal static string NewCode() => RandomNumberGenerator.GetString(CodeAlphabet, 12);
}

/// <summary>Certificates issued in one ledger transaction.</summary>
public sealed class CertificateSession(AppDbContext db, LedgerSession ledger) : IAsyncDisposable
{
    public LedgerSession Ledger => ledger;

    public Certificate Issue(string userId, string holderName, string kind, string title, string? detail, DateTime now)
    {
        var code = Certificates.NewCode();
        var entry = ledger.Append(LedgerKinds.Certificate, userId, new { code, holder = holderName, kind, title, detail }, now);
        var certificate = new Certificate(code, userId, holderName, kind, title, detail, entry.At, entry.Sequence);
        db.Add(certificate);
        return certificate;
    }

    public Task CommitAsync(CancellationToken ct) => ledger.CommitAsync(ct);

    public ValueTask DisposeAsync() => ledger.DisposeAsync();
}
