using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Kepu.Web.Features.Accounts;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Validation;

namespace Kepu.Web.Features.Library;

public sealed record ReviewRequest
{
    [Required(ErrorMessage = "请选择通过或退回修改。")]
    public bool? Approve { get; init; }

    [StringLength(1000, ErrorMessage = "审核意见不能超过 1000 个字。")]
    public string? Comment { get; init; }
}

public sealed record PublishRequest
{
    /// <summary>UTC time to publish at; empty publishes now.</summary>
    public DateTime? At { get; init; }
}

public sealed record OfflineRequest
{
    [Required(ErrorMessage = "请说明下线原因。")]
    [StringLength(300, MinimumLength = 2, ErrorMessage = "下线原因需要 2 到 300 个字。")]
    public string? Reason { get; init; }
}

/// <summary>
/// 提交审核 → 科学性审核（通过 / 退回修改）→ 发布（立即或定时）→ 下线. The rules of each step are in
/// <see cref="Entities.ContentItem"/>; who may take it is in <see cref="ContentAccess"/>.
/// </summary>
public sealed class ContentWorkflow(AppDbContext db, ContentAccess access, TimeProvider clock)
{
    public async Task SubmitAsync(int id, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var item = await ContentOutbox.LoadAsync(db, id, ct);
        await access.EnsureCanEditAsync(user, item, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        item.Submit(user.UserId()!, now);
        await ContentOutbox.AppendAsync(db, id, now, ct);
    }

    public async Task ReviewAsync(int id, ReviewRequest request, ClaimsPrincipal user, CancellationToken ct = default)
    {
        RequestValidator.For(request).ThrowIfInvalid();
        var item = await ContentOutbox.LoadAsync(db, id, ct);
        await access.EnsureCanReviewAsync(user, item, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        item.Review(request.Approve!.Value, request.Comment?.Trim(), user.UserId()!, now);
        await ContentOutbox.AppendAsync(db, id, now, ct);
    }

    public async Task PublishAsync(int id, PublishRequest request, ClaimsPrincipal user, CancellationToken ct = default)
    {
        ContentAccess.EnsureCanPublish(user);
        var item = await ContentOutbox.LoadAsync(db, id, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        item.Publish(request.At?.ToUniversalTime(), user.UserId()!, now);
        await ContentOutbox.AppendAsync(db, id, now, ct);
    }

    public async Task TakeOfflineAsync(int id, OfflineRequest request, ClaimsPrincipal user, CancellationToken ct = default)
    {
        RequestValidator.For(request).ThrowIfInvalid();
        ContentAccess.EnsureCanPublish(user);
        var item = await ContentOutbox.LoadAsync(db, id, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        item.TakeOffline(request.Reason!.Trim(), user.UserId()!, now);
        await ContentOutbox.AppendAsync(db, id, now, ct);
    }
}
