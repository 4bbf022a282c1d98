namespace Kepu.Web.Features.Feed;

/// <summary>What the feed learns from the Learning module: topics of questions a person answered wrongly of late.</summary>
public interface IMissedTopics
{
    Task<IReadOnlyList<string>> MissedTopicsAsync(string userId, CancellationToken ct = default);
}
