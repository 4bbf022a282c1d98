using Microsoft.AspNetCore.Identity;

namespace Kepu.Web.Features.Accounts.Entities;

/// <summary>A person's account and profile. Personal fields are cleared when the account is deleted.</summary>
public sealed class AppUser : IdentityUser
{
    public string? DisplayName { get; set; }

    /// <summary>Home district (GB/T 2260 code) — where the person lives; used for statistics and targeting.</summary>
    public string? DistrictCode { get; set; }
    public string? TownCode { get; set; }
    public List<string> Audiences { get; set; } = [];
    public List<string> Interests { get; set; } = [];
    public bool ElderMode { get; set; }

    /// <summary>For an expert: the topics (taxonomy names) whose scientific accuracy they may review.</summary>
    public List<string> Disciplines { get; set; } = [];

    /// <summary>For a district administrator: the one district they manage.</summary>
    public string? ManagedDistrictCode { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>When an administrator (or the person's district administrator) checked the holder's identity (实名核验), and who did.</summary>
    public DateTime? VerifiedAt { get; set; }

    public string? VerifiedBy { get; set; }
    public DateTime? DeletedAt { get; set; }

    public bool IsDeleted => DeletedAt is not null;

    /// <summary>
    /// PIPL deletion: remove everything that identifies the person and keep only what statistics need
    /// (district, audience groups, when the account existed). The row stays so that counts and
    /// history that point at it remain consistent, but it can never sign in again.
    /// </summary>
    public void Anonymise(DateTime now)
    {
        var tag = Id.Length >= 8 ? Id[..8] : Id;
        UserName = $"deleted-{Id}";
        NormalizedUserName = UserName.ToUpperInvariant();
        DisplayName = $"已注销用户{tag}";
        Email = null;
        NormalizedEmail = null;
        EmailConfirmed = false;
        PhoneNumber = null;
        PhoneNumberConfirmed = false;
        PasswordHash = null;
        SecurityStamp = Guid.NewGuid().ToString();
        ConcurrencyStamp = Guid.NewGuid().ToString();
        TownCode = null;
        Interests = [];
        ManagedDistrictCode = null;
        VerifiedBy = null;
        TwoFactorEnabled = false;
        LockoutEnabled = true;
        LockoutEnd = DateTimeOffset.MaxValue;
        DeletedAt = now;
    }
}
