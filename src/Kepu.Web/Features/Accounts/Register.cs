using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Features.Regions;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Identity;

namespace Kepu.Web.Features.Accounts;

public sealed record RegisterRequest
{
    [Display(Name = "用户名")]
    [Required(ErrorMessage = "请填写用户名。")]
    [StringLength(32, MinimumLength = 3, ErrorMessage = "用户名需要 3 到 32 个字。")]
    [PlainText]
    public string? UserName { get; init; }

    [Display(Name = "密码")]
    [Required(ErrorMessage = "请设置密码。")]
    [StringLength(64, MinimumLength = 8, ErrorMessage = "密码需要 8 到 64 位。")]
    public string? Password { get; init; }

    [Display(Name = "昵称")]
    [StringLength(32, ErrorMessage = "昵称不能超过 32 个字。")]
    [PlainText]
    public string? DisplayName { get; init; }

    [Display(Name = "人群类别")]
    public IReadOnlyList<string>? Audiences { get; init; }

    [Display(Name = "所在区县")]
    [Required(ErrorMessage = "请选择所在区县。")]
    public string? District { get; init; }

    [Display(Name = "乡镇（街道）")]
    public string? Town { get; init; }

    public IReadOnlyList<string>? Interests { get; init; }

    /// <summary>
    /// The privacy-notice version the person agreed to. The registration page requires ticking the
    /// box; an API client that omits it declares that it showed the current notice (see docs/privacy.md).
    /// </summary>
    public string? PrivacyVersion { get; init; }
}

public sealed record RegisterResult(string Id, string UserName);

/// <summary>A citizen creates an account. Everything is checked before anything is written.</summary>
public sealed partial class Register(AppDbContext db, UserManager<AppUser> users, IRegionDirectory regions, TimeProvider clock)
{
    public async Task<RegisterResult> HandleAsync(RegisterRequest request, string channel, CancellationToken ct = default)
    {
        var v = RequestValidator.For(request);
        await ProfileRules.CheckAsync(v, request.Audiences, request.District, request.Town, request.Interests, regions, ct);

        var userName = request.UserName?.Trim() ?? "";
        if (!v.Has(nameof(request.UserName)) && !UserNamePattern().IsMatch(userName))
        {
            v.Add(nameof(request.UserName), "用户名只能包含汉字、字母、数字、下划线、点和短横线。");
        }

        if (!v.Has(nameof(request.UserName)) && await users.FindByNameAsync(userName) is not null)
        {
            v.Add(nameof(request.UserName), $"用户名“{userName}”已被注册，请换一个。");
        }

        if (request.PrivacyVersion is not null && request.PrivacyVersion != PrivacyNotice.CurrentVersion)
        {
            v.Add(nameof(request.PrivacyVersion), $"请阅读并同意隐私政策（版本 {PrivacyNotice.CurrentVersion}）后再注册。");
        }

        var user = new AppUser
        {
            UserName = userName,
            DisplayName = string.IsNullOrWhiteSpace(request.DisplayName) ? null : request.DisplayName.Trim(),
            DistrictCode = request.District,
            TownCode = string.IsNullOrWhiteSpace(request.Town) ? null : request.Town,
            Audiences = [.. (request.Audiences ?? []).Distinct()],
            Interests = [.. (request.Interests ?? []).Distinct()],
            ElderMode = request.Audiences?.Contains("elderly") == true,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };

        if (!v.Has(nameof(request.Password)) && request.Password is not null)
        {
            foreach (var validator in users.PasswordValidators)
            {
                var result = await validator.ValidateAsync(users, user, request.Password);
                foreach (var error in result.Errors)
                {
                    v.Add(nameof(request.Password), error.Description);
                }
            }
        }

        v.ThrowIfInvalid();

        // One transaction: the account, its role and the consent record exist together or not at all.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        IdentityChecks.Ensure(await users.CreateAsync(user, request.Password!), nameof(request.UserName));
        IdentityChecks.Ensure(await users.AddToRoleAsync(user, Roles.Citizen), nameof(request.UserName));
        db.Add(new PrivacyConsent(user.Id, PrivacyNotice.CurrentVersion, channel, user.CreatedAt));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new RegisterResult(user.Id, user.UserName);
    }

    [GeneratedRegex(@"^[A-Za-z0-9_.\-\u4e00-\u9fff]+$")]
    private static partial Regex UserNamePattern();
}
