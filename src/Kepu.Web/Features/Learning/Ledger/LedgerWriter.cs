using System.Text.Encodings.Web;
using System.Text.Json;
using Kepu.Web.Features.Learning.Entities;
using Kepu.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Kepu.Web.Features.Learning.Ledger;

/// <summary>
/// Appends to the ledger. Records are numbered and chained one at a time: a session holds a gate in this process
/// and, on PostgreSQL, an advisory lock to the end of its transaction, so two web nodes never write the same number.
/// The grant and its record commit together or not at all.
/// </summary>
public sealed class LedgerWriter : IDisposable
{
    private const long AppendLock = 4_100_400_002;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public void Dispose() => _gate.Dispose();

    /// <summary>Opens a transaction on <paramref name="db"/> in which records can be appended; commit it through the session.</summary>
    public async Task<LedgerSession> BeginAsync(AppDbContext db, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        IDbContextTransaction? tx = null;
        try
        {
            tx = await db.Database.BeginTransactionAsync(ct);
            if (db.Database.IsNpgsql())
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AppendLock})", ct);
            }

            var last = await db.Set<LedgerEntry>().AsNoTracking().OrderByDescending(e => e.Sequence)
                .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(ct);
            return new LedgerSession(db, tx, _gate, last?.Sequence ?? 0, last?.Hash ?? LedgerEntry.Genesis);
        }
        catch
        {
            if (tx is not null)
            {
                await tx.DisposeAsync();
            }

            _gate.Release();
            throw;
        }
    }
}

/// <summary>An open ledger transaction: append records, save, commit; disposing releases the ledger for the next writer.</summary>
public sealed class LedgerSession(AppDbContext db, IDbContextTransaction tx, SemaphoreSlim gate, long last, string head) : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private long _last = last;
    private string _head = head;

    public LedgerEntry Append(string kind, string subject, object payload, DateTime at)
    {
        var entry = new LedgerEntry(++_last, kind, subject, JsonSerializer.Serialize(payload, Json), at, _head);
        _head = entry.Hash;
        db.Add(entry);
        return entry;
    }

    public async Task CommitAsync(CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        await tx.DisposeAsync();
        gate.Release();
    }
}
