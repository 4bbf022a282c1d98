using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Contests.Entities;
using Kepu.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Contests.Review;

public sealed record PanelistView(string ReviewerId, string Name, int Assigned, int Done, int Recused, double? Mean, double? StdDev, string? Tendency);

public sealed record RoundEntryView(int EntryId, string Code, string Title, string Category, int Reviews, int Done, decimal? RawMean, double? Scaled,
    int? Rank, bool? Advanced, bool HasOutlier, string? TieBreak, IReadOnlyList<RoundReviewView> Details);

public sealed record RoundReviewView(int ReviewId, string ReviewerName, string Status, decimal? Total, double? Z, bool Outlier);

/// <summary>A round as the organisers see it: progress per reviewer and per entry; after closing, normalised scores, ranks and flags.</summary>
public sealed record RoundView(int Id, int Number, string Label, string Status, string StatusLabel, int K, int? AdvanceTopN, double? AdvanceThreshold,
    int Seed, DateTime OpenedAt, DateTime? ClosedAt, int Pending, IReadOnlyList<PanelistView> Panel, IReadOnlyList<RoundEntryView> Entries);

internal static class RoundViews
{
    public static async Task<RoundView> GetAsync(AppDbContext db, IAccountDirectory accounts, ContestCall call, int number, CancellationToken ct)
    {
        var round = await db.Set<ReviewRound>().AsNoTracking().FirstOrDefaultAsync(r => r.CallId == call.Id && r.Number == number, ct)
            ?? throw new Infrastructure.Errors.NotFoundException($"第 {number} 轮评审还没有开始。");
        var reviews = await db.Set<EntryReview>().AsNoTracking().Where(a => a.RoundId == round.Id).ToListAsync(ct);
        var entryIds = reviews.Select(a => a.EntryId).Distinct().ToList();
        var entries = await db.Set<ContestEntry>().AsNoTracking().IgnoreAutoIncludes().Where(e => entryIds.Contains(e.Id))
            .Select(e => new { e.Id, e.Title, e.Category }).ToDictionaryAsync(e => e.Id, ct);
        var scores = await db.Set<RoundScore>().AsNoTracking().Where(s => s.RoundId == round.Id).ToDictionaryAsync(s => s.EntryId, ct);
        var panelIds = round.Panel.Select(p => p.ReviewerId).Union(reviews.Select(a => a.ReviewerId)).ToList();
        var names = await accounts.DisplayNamesAsync(panelIds, ct);
        var done = reviews.Where(a => a.Status == AssignmentStatus.Done && a.Total is not null).ToList();
        var panelMean = done.Count > 0 ? done.Average(a => (double)a.Total!.Value) : 0;
        var panelSd = done.Count > 1 ? Math.Sqrt(done.Average(a => Math.Pow((double)a.Total!.Value - panelMean, 2))) : 0;
        var panel = panelIds.Select(id =>
        {
            var mine = reviews.Where(a => a.ReviewerId == id).ToList();
            var totals = mine.Where(a => a.Total is not null && a.Status == AssignmentStatus.Done).Select(a => (double)a.Total!.Value).ToList();
            double? mean = totals.Count > 0 ? Math.Round(totals.Average(), 2) : null;
            double? sd = totals.Count > 1 ? Math.Round(Math.Sqrt(totals.Average(t => Math.Pow(t - totals.Average(), 2))), 2) : null;
            var tendency = mean is { } m && panelSd > 0 ? (m < panelMean - panelSd ? "偏严" : m > panelMean + panelSd ? "偏松" : null) : null;
            return new PanelistView(id, names.GetValueOrDefault(id, "（已注销）"), mine.Count(a => a.Status != AssignmentStatus.Recused),
                mine.Count(a => a.Status == AssignmentStatus.Done), mine.Count(a => a.Status == AssignmentStatus.Recused), mean, sd, tendency);
        }).OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        var rows = entryIds.Select(id =>
        {
            var mine = reviews.Where(a => a.EntryId == id).ToList();
            var score = scores.GetValueOrDefault(id);
            return new RoundEntryView(id, Entries.BlindEntryView.CodeOf(id), entries[id].Title, entries[id].Category, mine.Count(a => a.Status != AssignmentStatus.Recused),
                mine.Count(a => a.Status == AssignmentStatus.Done), score?.RawMean ?? Mean(mine), score?.Scaled, score?.Rank, score?.Advanced,
                score?.HasOutlier ?? false, score?.TieBreak,
                [.. mine.OrderBy(a => a.Id).Select(a => new RoundReviewView(a.Id, names.GetValueOrDefault(a.ReviewerId, "（已注销）"), AssignmentStatus.Label(a.Status),
                    a.Total, a.Z, a.Outlier))]);
        }).OrderBy(e => e.Rank ?? int.MaxValue).ThenBy(e => e.EntryId).ToList();
        return new RoundView(round.Id, round.Number, PhaseCodes.RoundLabel(round.Number, call.RoundCount), round.Status, RoundStatus.Label(round.Status),
            round.K, round.AdvanceTopN, round.AdvanceThreshold, round.Seed, round.OpenedAt, round.ClosedAt,
            reviews.Count(a => a.Status == AssignmentStatus.Pending), panel, rows);
    }

    private static decimal? Mean(List<EntryReview> reviews)
    {
        var totals = reviews.Where(a => a.Status == AssignmentStatus.Done && a.Total is not null).Select(a => a.Total!.Value).ToList();
        return totals.Count > 0 ? Math.Round(totals.Average(), 2) : null;
    }
}
