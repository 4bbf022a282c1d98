using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Learning.Entities;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Learning;

/// <summary>
/// Awards points by the administrators' rules, never more than a kind's daily cap (Beijing days), and keeps the
/// running totals (<see cref="Learner"/>) in the same save, so nothing ever adds up events on a request.
/// Nothing is saved here: the caller saves the award with the action that earned it.
/// </summary>
public sealed class Points(AppDbContext db, IAccountDirectory accounts, TimeProvider clock)
{
    /// <summary>The points granted (0 when today's cap is reached or the rule gives none).</summary>
    public async Task<int> AwardAsync(string userId, string kind, string? reference, CancellationToken ct = default)
    {
        var rule = await db.Set<PointRule>().FirstOrDefaultAsync(r => r.Kind == kind, ct);
        if (rule is null || rule.Points == 0)
        {
            return 0;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var today = Display.BeijingDay(now);
        var day = db.Set<PointDay>().Local.FirstOrDefault(d => d.UserId == userId && d.Day == today && d.Kind == kind)
            ?? await db.Set<PointDay>().FirstOrDefaultAsync(d => d.UserId == userId && d.Day == today && d.Kind == kind, ct);
        if (day is null)
        {
            day = new PointDay(userId, today, kind);
            db.Add(day);
        }

        var grant = Math.Min(rule.Points, Math.Max(0, rule.DailyCap - day.Points));
        if (grant == 0)
        {
            return 0;
        }

        day.Add(grant);
        var learner = await LearnerAsync(userId, ct);
        learner.Earn(grant, today);
        db.Add(new PointEvent(userId, kind, grant, now, today, reference));
        return grant;
    }

    /// <summary>The person's running totals (created on first use), placed in their current district and organisation.</summary>
    public async Task<Learner> LearnerAsync(string userId, CancellationToken ct = default)
    {
        var learner = db.Set<Learner>().Local.FirstOrDefault(l => l.UserId == userId)
            ?? await db.Set<Learner>().FirstOrDefaultAsync(l => l.UserId == userId, ct);
        if (learner is null)
        {
            learner = new Learner(userId);
            db.Add(learner);
        }

        var profile = await accounts.ProfileAsync(userId, ct);
        var organizations = await accounts.OrganizationIdsAsync(userId, ct);
        learner.Place(profile?.District, organizations.Count > 0 ? organizations[0] : null);
        return learner;
    }

    /// <summary>A wrong answer remembers its topic: the feed then shows more on it (<see cref="LearningSignals"/>).</summary>
    public async Task MissedAsync(string userId, string topic, DateTime now, CancellationToken ct)
    {
        var missed = db.Set<MissedTopic>().Local.FirstOrDefault(m => m.UserId == userId && m.Topic == topic)
            ?? await db.Set<MissedTopic>().FirstOrDefaultAsync(m => m.UserId == userId && m.Topic == topic, ct);
        if (missed is null)
        {
            db.Add(new MissedTopic(userId, topic, now));
        }
        else
        {
            missed.Missed(now);
        }
    }
}
