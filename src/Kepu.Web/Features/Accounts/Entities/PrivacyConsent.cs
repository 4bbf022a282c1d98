namespace Kepu.Web.Features.Accounts.Entities;

/// <summary>Proof that a person agreed to a version of the privacy notice, and when (PIPL art. 14).</summary>
public sealed class PrivacyConsent
{
    private PrivacyConsent()
    {
    }

    public PrivacyConsent(string userId, string version, string channel, DateTime acceptedAt)
    {
        UserId = userId;
        Version = version;
        Channel = channel;
        AcceptedAt = acceptedAt;
    }

    public long Id { get; private set; }
    public string UserId { get; private set; } = "";
    public string Version { get; private set; } = "";

    /// <summary><c>web</c> (the registration form) or <c>api</c>.</summary>
    public string Channel { get; private set; } = "";
    public DateTime AcceptedAt { get; private set; }
}
