using System.Security.Claims;
using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Features.Library.Entities;
using Kepu.Web.Infrastructure.Errors;

namespace Kepu.Web.Features.Library;

/// <summary>Who may do what with an item. Every use case asks here; nothing is decided in a page.</summary>
public sealed class ContentAccess(IAccountDirectory accounts, Taxonomy taxonomy)
{
    public static bool IsEditor(ClaimsPrincipal user) => user.IsInRole(Roles.Editor) || user.IsInRole(Roles.Admin);

    /// <summary>Organisation members and editors write drafts.</summary>
    public async Task<int?> EnsureCanWriteAsync(ClaimsPrincipal user, int? requestedOrganization, CancellationToken ct)
    {
        var orgs = await accounts.OrganizationIdsAsync(user.UserId()!, ct);
        if (IsEditor(user))
        {
            if (requestedOrganization is { } named && !(await accounts.OrganizationNamesAsync([named], ct)).ContainsKey(named))
            {
                throw new ValidationFailedException(new Dictionary<string, string[]> { ["organizationId"] = ["机构不存在。"] });
            }

            return requestedOrganization ?? (orgs.Count > 0 ? orgs[0] : null);
        }

        if (orgs.Count == 0)
        {
            throw new ForbiddenException("只有机构成员和编辑可以撰写科普内容。请联系管理员把您加入所在机构。");
        }

        if (requestedOrganization is { } org && !orgs.Contains(org))
        {
            throw new ForbiddenException("只能以自己所在机构的名义撰写内容。");
        }

        return requestedOrganization ?? orgs[0];
    }

    /// <summary>The writer, members of the item's organisation and editors may edit and submit it.</summary>
    public async Task EnsureCanEditAsync(ClaimsPrincipal user, ContentItem item, CancellationToken ct)
    {
        if (IsEditor(user) || item.CreatedBy == user.UserId())
        {
            return;
        }

        if (item.OrganizationId is { } org && (await accounts.OrganizationIdsAsync(user.UserId()!, ct)).Contains(org))
        {
            return;
        }

        throw new ForbiddenException("只有作者、所属机构成员和编辑可以修改或提交这条内容。");
    }

    /// <summary>An expert whose disciplines cover a topic of the item, and who is not of the item's organisation.</summary>
    public async Task EnsureCanReviewAsync(ClaimsPrincipal user, ContentItem item, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Expert))
        {
            throw new ForbiddenException("只有专家可以进行科学性审核。");
        }

        var id = user.UserId()!;
        if (item.OrganizationId is { } org && (await accounts.OrganizationIdsAsync(id, ct)).Contains(org))
        {
            throw new ForbiddenException("专家不能审核本机构提交的内容（回避）。");
        }

        if (item.CreatedBy == id)
        {
            throw new ForbiddenException("专家不能审核自己撰写的内容。");
        }

        if (!await taxonomy.CoversAsync(await accounts.DisciplinesAsync(id, ct), item.Topics, ct))
        {
            throw new ForbiddenException($"您的审核领域不包含这条内容的主题（{string.Join("、", item.Topics)}）。");
        }
    }

    public static void EnsureCanPublish(ClaimsPrincipal user)
    {
        if (!IsEditor(user))
        {
            throw new ForbiddenException("只有编辑可以发布或下线内容。");
        }
    }

    /// <summary>Published items are public; others only to those who work on them.</summary>
    public async Task<bool> CanSeeAsync(ClaimsPrincipal user, ContentItem item, CancellationToken ct)
    {
        if (item.IsPublic)
        {
            return true;
        }

        if (user.Identity?.IsAuthenticated != true)
        {
            return false;
        }

        if (IsEditor(user) || item.CreatedBy == user.UserId() || item.ReviewedBy == user.UserId()
            || (user.IsInRole(Roles.Expert) && item.Status == ContentStatus.Submitted))
        {
            return true;
        }

        return item.OrganizationId is { } org && (await accounts.OrganizationIdsAsync(user.UserId()!, ct)).Contains(org);
    }
}
