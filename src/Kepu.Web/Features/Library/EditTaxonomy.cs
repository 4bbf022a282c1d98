using System.Security.Claims;
using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Library.Entities;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Outbox;
using Kepu.Web.Infrastructure.Validation;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Library;

/// <summary>Editors add topics and rename them; items, experts' disciplines and the search index follow a rename.</summary>
public sealed class EditTaxonomy(AppDbContext db, IAccountDirectory accounts, TimeProvider clock)
{
    public async Task<int> AddAsync(string? name, int? parentId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        ContentAccess.EnsureCanPublish(user);
        var clean = await CheckNameAsync(name, ct);
        if (parentId is { } p && !await db.Set<Topic>().AnyAsync(t => t.Id == p && t.ParentId == null, ct))
        {
            throw new ValidationFailedException(new Dictionary<string, string[]> { ["parentId"] = ["上级主题须是一级主题。"] });
        }

        var id = (await db.Set<Topic>().MaxAsync(t => (int?)t.Id, ct) ?? 0) + 1;
        var order = (await db.Set<Topic>().MaxAsync(t => (int?)t.SortOrder, ct) ?? 0) + 1;
        db.Add(new Topic(id, clean, parentId, order));
        await db.SaveChangesAsync(ct);
        return id;
    }

    public async Task RenameAsync(int id, string? name, ClaimsPrincipal user, CancellationToken ct = default)
    {
        ContentAccess.EnsureCanPublish(user);
        var topic = await db.Set<Topic>().FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFoundException("主题不存在。");
        var clean = await CheckNameAsync(name, ct);
        var old = topic.Name;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        topic.Rename(clean);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var item in await db.Set<ContentItem>().Where(c => c.Topics.Contains(old)).ToListAsync(ct))
        {
            item.RenameTopic(old, clean);
            db.Add(new OutboxMessage(ContentOutbox.Stream, item.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "upsert", now));
        }

        await db.SaveChangesAsync(ct);
        await accounts.RenameDisciplineAsync(old, clean, ct);
        await tx.CommitAsync(ct);
    }

    private async Task<string> CheckNameAsync(string? name, CancellationToken ct)
    {
        var clean = (name ?? "").Trim();
        var v = new RequestValidator();
        if (clean.Length is < 2 or > 32)
        {
            v.Add("name", "主题名称需要 2 到 32 个字。");
        }
        else if (TextRules.HasControlCharacters(clean) || TextRules.HasMarkup(clean))
        {
            v.Add("name", "主题名称不能含 HTML 或控制字符。");
        }
        else if (await db.Set<Topic>().AnyAsync(t => t.Name == clean, ct))
        {
            v.Add("name", $"主题“{clean}”已存在。");
        }

        v.ThrowIfInvalid();
        return clean;
    }
}
