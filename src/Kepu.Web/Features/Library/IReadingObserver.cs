namespace Kepu.Web.Features.Library;

/// <summary>Told when a signed-in person finishes a published item for the first time (Learning gives points for it).</summary>
public interface IReadingObserver
{
    Task FinishedFirstTimeAsync(string userId, int contentId, CancellationToken ct = default);
}
