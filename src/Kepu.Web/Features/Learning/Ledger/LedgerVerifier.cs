using Kepu.Web.Features.Learning.Entities;
using Kepu.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Learning.Ledger;

public sealed record LedgerProblem(long Sequence, string Message);

public sealed record LedgerReport(long Entries, long HeadSequence, string HeadHash, int Digests, IReadOnlyList<LedgerProblem> Problems)
{
    public bool Intact => Problems.Count == 0;
}

/// <summary>
/// Walks the whole chain and names every record that does not fit: a changed record (its hash no longer matches
/// what it says), a deleted one (a gap in the numbers), one inserted or replaced before another (the next record's
/// link breaks), and a chain that no longer matches a published daily digest (rewritten or cut short).
/// </summary>
public sealed class LedgerVerifier(AppDbContext db)
{
    private const int MaxProblems = 100;

    public async Task<LedgerReport> VerifyAsync(CancellationToken ct = default)
    {
        var problems = new List<LedgerProblem>();
        var hashes = new Dictionary<long, string>();
        var digests = await db.Set<LedgerDigest>().AsNoTracking().OrderBy(d => d.Day).ToListAsync(ct);
        var wanted = digests.Select(d => d.Sequence).ToHashSet();
        long expected = 1, count = 0;
        var previous = LedgerEntry.Genesis;
        await foreach (var entry in db.Set<LedgerEntry>().AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            count++;
            if (entry.Sequence != expected)
            {
                Add(problems, new LedgerProblem(expected, entry.Sequence == expected + 1
                    ? $"第 {expected} 条缺失（被删除）。"
                    : $"第 {expected}–{entry.Sequence - 1} 条缺失（被删除）。"));
            }

            if (entry.ComputeHash() != entry.Hash)
            {
                Add(problems, new LedgerProblem(entry.Sequence, $"第 {entry.Sequence} 条被修改：内容与它的哈希不符。"));
            }
            else if (entry.PreviousHash != previous)
            {
                Add(problems, new LedgerProblem(entry.Sequence, $"第 {entry.Sequence} 条与前一条接不上：它之前的记录被修改、插入或删除过。"));
            }

            if (wanted.Contains(entry.Sequence))
            {
                hashes[entry.Sequence] = entry.Hash;
            }

            previous = entry.Hash;
            expected = entry.Sequence + 1;
        }

        foreach (var digest in digests)
        {
            if (!hashes.TryGetValue(digest.Sequence, out var hash))
            {
                Add(problems, new LedgerProblem(digest.Sequence, $"{digest.Day:yyyy-MM-dd} 公布的链头是第 {digest.Sequence} 条，账本里已没有这一条（被删除）。"));
            }
            else if (hash != digest.Hash)
            {
                Add(problems, new LedgerProblem(digest.Sequence, $"第 {digest.Sequence} 条与 {digest.Day:yyyy-MM-dd} 公布的链头哈希不同：账本被改写过。"));
            }
        }

        return new LedgerReport(count, expected - 1, previous, digests.Count, problems);
    }

    private static void Add(List<LedgerProblem> problems, LedgerProblem problem)
    {
        if (problems.Count < MaxProblems)
        {
            problems.Add(problem);
        }
    }
}
