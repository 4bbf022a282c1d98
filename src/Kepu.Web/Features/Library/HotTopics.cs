using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Library.Entities;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Validation;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Library;

public sealed record HotTopicRequest
{
    [Display(Name = "热点")]
    [Required(ErrorMessage = "请填写热点标题。")]
    [StringLength(100, MinimumLength = 4, ErrorMessage = "标题需要 4 到 100 个字。")]
    [PlainText]
    public string? Title { get; init; }

    [Display(Name = "说明")]
    [StringLength(1000, ErrorMessage = "说明不能超过 1000 个字。")]
    [PlainText]
    public string? Description { get; init; }

    [Required(ErrorMessage = "请填写回应期限。")]
    public DateTime? Deadline { get; init; }

    public IReadOnlyList<string>? Experts { get; init; }
}

public sealed record HotTopicView(int Id, string Title, string Description, DateTime Deadline, IReadOnlyList<string> ExpertNames,
    string Status, string StatusLabel, bool Overdue, int? ResponseContentId, DateTime? RespondedAt, DateTime OpenedAt);

/// <summary>热点响应: open, assign, link a response, and see what is answered, pending or overdue.</summary>
public sealed class HotTopics(AppDbContext db, IAccountDirectory accounts, TimeProvider clock)
{
    public async Task<int> OpenAsync(HotTopicRequest request, ClaimsPrincipal user, CancellationToken ct = default)
    {
        ContentAccess.EnsureCanPublish(user);
        var v = RequestValidator.For(request);
        var experts = (await accounts.ExpertsAsync(ct)).Select(e => e.Id).ToHashSet();
        if (request.Experts is not { Count: > 0 })
        {
            v.Add(nameof(request.Experts), "请至少指派一位专家。");
        }
        else if (request.Experts.Any(e => !experts.Contains(e)))
        {
            v.Add(nameof(request.Experts), "只能指派专家角色的用户。");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (request.Deadline is { } d && d.ToUniversalTime() <= now)
        {
            v.Add(nameof(request.Deadline), "回应期限必须晚于现在。");
        }

        v.ThrowIfInvalid();
        var topic = new HotTopic(request.Title!.Trim(), request.Description?.Trim() ?? "", request.Deadline!.Value.ToUniversalTime(), request.Experts!, user.UserId()!, now);
        db.Add(topic);
        await db.SaveChangesAsync(ct);
        return topic.Id;
    }

    /// <summary>An assigned expert or an editor names the item that answers the hot topic.</summary>
    public async Task LinkResponseAsync(int id, int contentId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var topic = await db.Set<HotTopic>().FirstOrDefaultAsync(h => h.Id == id, ct) ?? throw new NotFoundException("热点不存在。");
        if (!ContentAccess.IsEditor(user) && !topic.Experts.Contains(user.UserId()!))
        {
            throw new ForbiddenException("只有被指派的专家或编辑可以关联回应内容。");
        }

        if (!await db.Set<ContentItem>().AnyAsync(c => c.Id == contentId, ct))
        {
            throw new ValidationFailedException(new Dictionary<string, string[]> { ["contentId"] = [$"内容 {contentId} 不存在。"] });
        }

        topic.LinkResponse(contentId);
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<HotTopicView>> ListAsync(string? expertId = null, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var topics = await db.Set<HotTopic>().AsNoTracking().OrderBy(h => h.Deadline).ToListAsync(ct);
        if (expertId is not null)
        {
            topics = topics.Where(t => t.Experts.Contains(expertId)).ToList();
        }

        var responses = topics.Where(t => t.ResponseContentId != null).Select(t => t.ResponseContentId!.Value).ToList();
        var published = await db.Set<ContentItem>().AsNoTracking()
            .Where(c => responses.Contains(c.Id) && c.Status == ContentStatus.Published)
            .ToDictionaryAsync(c => c.Id, c => c.PublishedAt, ct);
        var names = await accounts.DisplayNamesAsync(topics.SelectMany(t => t.Experts), ct);
        return topics.Select(t =>
        {
            var respondedAt = t.ResponseContentId is { } r && published.TryGetValue(r, out var at) ? at : null;
            var answered = respondedAt is not null;
            var overdue = !answered && now > t.Deadline;
            var (status, label) = answered ? ("responded", "已回应") : overdue ? ("overdue", "已超期") : t.ResponseContentId is null ? ("open", "待回应") : ("drafting", "回应审核中");
            return new HotTopicView(t.Id, t.Title, t.Description, t.Deadline, t.Experts.Select(e => names.GetValueOrDefault(e, "已注销用户")).ToList(),
                status, label, overdue, t.ResponseContentId, respondedAt, t.OpenedAt);
        })
        .OrderBy(v => v.Status switch { "overdue" => 0, "open" => 1, "drafting" => 2, _ => 3 })
        .ThenBy(v => v.Deadline)
        .ToList();
    }
}
