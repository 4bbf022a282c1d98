using System.Security.Claims;
using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Library.Entities;
using Kepu.Web.Features.Regions;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Library;

/// <summary>Creates a draft, or edits one (a new version). Every write also appends to the outbox.</summary>
public sealed class SaveContent(AppDbContext db, Taxonomy taxonomy, IRegionDirectory regions, ContentAccess access, TimeProvider clock)
{
    public async Task<int> CreateAsync(ContentRequest request, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var fields = await request.ValidateAsync(taxonomy, regions, ct);
        var organization = await access.EnsureCanWriteAsync(user, request.OrganizationId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var item = new ContentItem(fields, organization, user.UserId()!, now);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(item);
        await db.SaveChangesAsync(ct);
        await ContentOutbox.AppendAsync(db, item.Id, now, ct);
        await tx.CommitAsync(ct);
        return item.Id;
    }

    public async Task EditAsync(int id, ContentRequest request, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var item = await ContentOutbox.LoadAsync(db, id, ct);
        await access.EnsureCanEditAsync(user, item, ct);
        var fields = await request.ValidateAsync(taxonomy, regions, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        item.Edit(fields with { CoverImage = fields.CoverImage ?? item.CoverImage }, user.UserId()!, now);
        await ContentOutbox.AppendAsync(db, id, now, ct);
    }
}

internal static class ContentOutbox
{
    public const string Stream = "content";

    public static async Task<ContentItem> LoadAsync(AppDbContext db, int id, CancellationToken ct) =>
        await db.Set<ContentItem>().Include(c => c.Transitions).FirstOrDefaultAsync(c => c.Id == id, ct)
        ?? throw new NotFoundException($"内容 {id} 不存在。");

    public static async Task AppendAsync(AppDbContext db, int id, DateTime now, CancellationToken ct)
    {
        db.Add(new OutboxMessage(Stream, id.ToString(System.Globalization.CultureInfo.InvariantCulture), "upsert", now));
        await db.SaveChangesAsync(ct);
    }
}
