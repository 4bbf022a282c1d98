using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Insights.Activity.Entities;
using Kepu.Web.Infrastructure.Data;

namespace Kepu.Web.Features.Insights.Activity;

/// <summary>
/// Where other modules report what people do (读、学、答题、报名、签到、查一查 …). <see cref="RecordAsync"/> only adds to the
/// caller's unit of work, like <see cref="Notifications.Notifier.Send"/>: the event is saved with the change it reports,
/// or not at all. The projector turns the log into the dashboards' aggregates within seconds.
/// </summary>
public sealed class ActivityLog(AppDbContext db, IAccountDirectory accounts, ActivityBuffer buffer, TimeProvider clock)
{
    /// <param name="kind">One of <see cref="ActivityKinds.Logged"/>.</param>
    /// <param name="userId">The person, when there is one; their first audience group is recorded, and their home district when <paramref name="district"/> is not given.</param>
    /// <param name="district">Where it happened (an event's district); defaults to the person's home district.</param>
    /// <param name="at">When it counts (an event's start); defaults to now.</param>
    public async Task RecordAsync(string kind, string? userId, string? district = null, long amount = 1, DateTime? at = null, CancellationToken ct = default) =>
        db.Add(await CreateAsync(kind, userId, district, amount, at, ct));

    /// <summary>Something that happened in a place rather than to a person (an event held, its attendance), for the audience it served.</summary>
    public void Record(string kind, string district, string? audience, long amount, DateTime at)
    {
        EnsureLogged(kind);
        db.Add(new ActivityEvent(kind, at, district, audience is { Length: <= ActivityEvent.MaxAudience } ? audience : null, null, amount));
    }

    /// <summary>
    /// For callers that write nothing else (查一查): the event is queued and written in the background with others, so the
    /// request never waits for a database write. Events still queued when the process stops are lost.
    /// </summary>
    public async Task RecordDetachedAsync(string kind, string? userId, string? district = null, long amount = 1, CancellationToken ct = default) =>
        buffer.Add(await CreateAsync(kind, userId, district, amount, null, ct));

    private async Task<ActivityEvent> CreateAsync(string kind, string? userId, string? district, long amount, DateTime? at, CancellationToken ct)
    {
        EnsureLogged(kind);
        var profile = userId is null ? null : await accounts.ProfileAsync(userId, ct);
        var audience = profile?.Audiences.FirstOrDefault(a => a.Length <= ActivityEvent.MaxAudience);
        return new ActivityEvent(kind, at ?? clock.GetUtcNow().UtcDateTime, district ?? profile?.District, audience, userId, amount);
    }

    private static void EnsureLogged(string kind)
    {
        if (!ActivityKinds.IsLogged(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown activity kind.");
        }
    }
}
