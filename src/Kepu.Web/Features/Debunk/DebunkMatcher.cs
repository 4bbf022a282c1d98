using Kepu.Web.Features.Debunk.Entities;
using Kepu.Web.Features.Debunk.Matching;
using Kepu.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Debunk;

public sealed record MatchCandidate(int Id, string Claim, string Verdict, string VerdictLabel, string Conclusion, double Score);

public sealed record MatchResult(string Decision, IReadOnlyList<MatchCandidate> Candidates);

/// <summary>
/// 查一查: matches a text against every published debunk in memory (<see cref="ClaimIndex"/>). The index is rebuilt
/// when entries change: at once in this process (<see cref="Invalidate"/>), and within two seconds when another
/// process changed them (a count and latest-change check).
/// </summary>
public sealed class DebunkMatcher(IServiceScopeFactory scopes, TimeProvider clock) : IDisposable
{
    /// <summary>
    /// At least this much of a known claim in the text: show its verdict at once. Chosen on the evaluation set
    /// (bench/debunk-eval): no unrelated text scored above 0.45 and no wrong first entry above 0.51.
    /// </summary>
    public const double AnswerAt = 0.55;

    /// <summary>At least this much: list it as a likely match.</summary>
    public const double SuggestAt = 0.3;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private ClaimIndex _index = ClaimIndex.Empty;
    private Dictionary<int, string> _conclusions = [];
    private (int Count, DateTime Latest)? _stamp;
    private DateTime _checkedAt = DateTime.MinValue;

    /// <summary>
    /// The decision and the candidates shown with it: with <c>none</c> nothing is close enough to show, unless
    /// <paramref name="ranking"/> asks for the raw ranking (evaluation).
    /// </summary>
    public async Task<MatchResult> MatchAsync(string text, int top, bool ranking = false, CancellationToken ct = default)
    {
        var index = await CurrentAsync(ct);
        var hits = index.Search(text, top);
        var decision = hits.Count == 0 || hits[0].Score < SuggestAt ? "none" : hits[0].Score >= AnswerAt ? "answer" : "suggest";
        var candidates = hits.Where(h => ranking || h.Score >= SuggestAt / 2)
            .Select(h => new MatchCandidate(h.Entry.Id, h.Entry.Claim, h.Entry.Verdict, Verdicts.Label(h.Entry.Verdict), _conclusions.GetValueOrDefault(h.Entry.Id, ""), h.Score))
            .ToList();
        return new MatchResult(decision, decision == "none" && !ranking ? [] : candidates);
    }

    public void Invalidate() => _checkedAt = DateTime.MinValue;

    /// <summary>Entry ids and the import ids they were given (evaluation output uses the latter).</summary>
    public async Task<IReadOnlyDictionary<int, string>> KeysAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Set<DebunkEntry>().AsNoTracking().Where(e => e.Key != null).ToDictionaryAsync(e => e.Id, e => e.Key!, ct);
    }

    public void Dispose() => _gate.Dispose();

    private async Task<ClaimIndex> CurrentAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (now - _checkedAt < TimeSpan.FromSeconds(2) && _stamp is not null)
        {
            return _index;
        }

        await _gate.WaitAsync(ct);
        try
        {
            if (now - _checkedAt < TimeSpan.FromSeconds(2) && _stamp is not null)
            {
                return _index;
            }

            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var entries = db.Set<DebunkEntry>().AsNoTracking();
            var stamp = (await entries.CountAsync(ct), await entries.MaxAsync(e => (DateTime?)e.UpdatedAt, ct) ?? DateTime.MinValue);
            if (_stamp != stamp)
            {
                var rows = await entries.Select(e => new { e.Id, e.Claim, e.Verdict, e.Phrasings, e.Conclusion }).ToListAsync(ct);
                _index = ClaimIndex.Build(rows.Select(r => new IndexedClaim(r.Id, r.Claim, r.Verdict, r.Phrasings)));
                _conclusions = rows.ToDictionary(r => r.Id, r => r.Conclusion);
                _stamp = stamp;
            }

            _checkedAt = now;
            return _index;
        }
        finally
        {
            _gate.Release();
        }
    }
}
