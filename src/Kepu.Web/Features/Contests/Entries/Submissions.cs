using System.Security.Claims;
using System.Security.Cryptography;
using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Contests.Entities;
using Kepu.Web.Features.Library.Media;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Validation;
using Kepu.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Contests.Entries;

/// <summary>Submissions: submit, edit and withdraw until the deadline, with eligibility, files and a receipt number.</summary>
public sealed class Submissions(AppDbContext db, IAccountDirectory accounts, MediaStore media, TimeProvider clock)
{
    public const int MaxEntriesPerPerson = 5;

    public async Task<EntryView> SubmitAsync(int callId, EntryRequest request, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var me = ContestAccess.Me(user);
        var call = await ContestAccess.LoadVisibleCallAsync(db, callId, user, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        EnsureCollecting(call, now);
        if (await db.Set<ContestEntry>().CountAsync(e => e.CallId == callId && e.SubmitterId == me && e.Status != EntryStatus.Withdrawn, ct) >= MaxEntriesPerPerson)
        {
            throw new BusinessRuleException($"每人在一个征集中最多申报 {MaxEntriesPerPerson} 件作品。");
        }

        var fields = await ValidateAsync(call, request, me, ct);
        var organizations = await accounts.OrganizationIdsAsync(me, ct);
        var entry = new ContestEntry(callId, NewReceipt(callId), me, organizations, fields, now);
        db.Add(entry);
        await db.SaveChangesAsync(ct);
        ContestAccess.Audit(db, callId, me, "submit", $"提交作品 {entry.Id}（回执 {entry.ReceiptNo}）", now);
        await db.SaveChangesAsync(ct);
        return EntryView.Of(entry, call.Title, editable: true);
    }

    public async Task<EntryView> EditAsync(int entryId, EntryRequest request, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var (entry, call) = await LoadMineAsync(entryId, user, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        EnsureCollecting(call, now);
        var fields = await ValidateAsync(call, request, entry.SubmitterId, ct);
        entry.Edit(fields, now);
        ContestAccess.Audit(db, call.Id, entry.SubmitterId, "edit-entry", $"修改作品 {entry.Id}", now);
        await db.SaveChangesAsync(ct);
        return EntryView.Of(entry, call.Title, editable: true);
    }

    public async Task<EntryView> WithdrawAsync(int entryId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var (entry, call) = await LoadMineAsync(entryId, user, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (now >= call.SubmissionDeadline)
        {
            throw new BusinessRuleException("征集已经截止，作品不能再撤回；如有特殊情况请联系主办单位。");
        }

        entry.Withdraw(now);
        ContestAccess.Audit(db, call.Id, entry.SubmitterId, "withdraw", $"撤回作品 {entry.Id}", now);
        await db.SaveChangesAsync(ct);
        return EntryView.Of(entry, call.Title, editable: false);
    }

    public async Task<EntryView> GetMineAsync(int entryId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var (entry, call) = await LoadMineAsync(entryId, user, ct);
        return EntryView.Of(entry, call.Title, call.IsCollecting(clock.GetUtcNow().UtcDateTime) && entry.Status == EntryStatus.Submitted);
    }

    public async Task<IReadOnlyList<EntryView>> MineAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var me = ContestAccess.Me(user);
        var entries = await db.Set<ContestEntry>().AsNoTracking().Where(e => e.SubmitterId == me).OrderByDescending(e => e.SubmittedAt).ToListAsync(ct);
        var callIds = entries.Select(e => e.CallId).Distinct().ToList();
        var calls = await db.Set<ContestCall>().AsNoTracking().Where(c => callIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var feedback = await FeedbackAsync([.. entries.Select(e => e.Id)], calls, ct);
        return [.. entries.Select(e => EntryView.Of(e, calls[e.CallId].Title, calls[e.CallId].IsCollecting(now) && e.Status == EntryStatus.Submitted)
            with { Feedback = [.. feedback[e.Id]] })];
    }

    /// <summary>Scores and comments of closed rounds, per entry; reviewers are numbered in the order they were assigned, never named.</summary>
    private async Task<ILookup<int, FeedbackView>> FeedbackAsync(IReadOnlyList<int> entryIds, Dictionary<int, ContestCall> calls, CancellationToken ct)
    {
        var rows = await (from a in db.Set<EntryReview>().AsNoTracking().IgnoreAutoIncludes()
                          join r in db.Set<ReviewRound>().IgnoreAutoIncludes() on a.RoundId equals r.Id
                          where entryIds.Contains(a.EntryId) && r.Status == RoundStatus.Closed && a.Status == AssignmentStatus.Done
                          orderby r.Number, a.Id
                          select new { a.EntryId, r.CallId, r.Number, a.Total, a.Comment }).ToListAsync(ct);
        return rows.GroupBy(x => (x.EntryId, x.Number))
            .SelectMany(g => g.Select((x, i) => (x.EntryId, View: new FeedbackView(PhaseCodes.RoundLabel(x.Number, calls[x.CallId].RoundCount), $"评审 {i + 1}",
                x.Total ?? 0, x.Comment))))
            .ToLookup(x => x.EntryId, x => x.View);
    }

    private async Task<(ContestEntry Entry, ContestCall Call)> LoadMineAsync(int entryId, ClaimsPrincipal user, CancellationToken ct)
    {
        var me = ContestAccess.Me(user);
        var entry = await db.Set<ContestEntry>().FirstOrDefaultAsync(e => e.Id == entryId && e.SubmitterId == me, ct)
            ?? throw new NotFoundException($"没有找到你的作品 {entryId}。");
        return (entry, await ContestAccess.LoadCallAsync(db, entry.CallId, ct));
    }

    private static void EnsureCollecting(ContestCall call, DateTime now)
    {
        if (call.IsCollecting(now))
        {
            return;
        }

        if (call.Stage == CallStages.Open && now < call.SubmissionOpens)
        {
            throw new BusinessRuleException($"征集 {Display.Beijing(call.SubmissionOpens, "yyyy-MM-dd")} 开始，还不能提交。");
        }

        throw new BusinessRuleException($"征集已于 {Display.Beijing(call.SubmissionDeadline.AddSeconds(-1))} 截止，不再接收作品。");
    }

    /// <summary>Every rule of the call and every field, all problems at once; nothing is written when any fails.</summary>
    private async Task<EntryFields> ValidateAsync(ContestCall call, EntryRequest r, string me, CancellationToken ct)
    {
        var v = RequestValidator.For(r);
        var profile = await accounts.ProfileAsync(me, ct);
        var myOrganizations = await accounts.OrganizationIdsAsync(me, ct);
        var tree = await accounts.OrganizationTreeAsync(ct);
        var kindOf = tree.ToDictionary(o => o.Id, o => o.Kind);

        if (!EntrantKinds.IsValid(r.EntrantKind) || !call.EntrantKinds.Contains(r.EntrantKind!))
        {
            v.Add(nameof(r.EntrantKind), "这个征集接受的申报主体是：" + string.Join("、", call.EntrantKinds.Select(EntrantKinds.Label)) + "。");
        }

        if (call.Audiences.Count > 0 && !(profile?.Audiences ?? []).Intersect(call.Audiences).Any())
        {
            v.Add(nameof(r.EntrantKind), "这个征集只面向" + string.Join("、", call.Audiences.Select(Accounts.Entities.Audiences.Label))
                + "。请先在“我的资料”中如实填写所属人群。");
        }

        if (call.Districts.Count > 0 && (profile?.District is not { } district || !call.Districts.Contains(district)))
        {
            v.Add(nameof(r.EntrantKind), "这个征集只面向指定区县；你的资料中的区县不在其中。");
        }

        if (call.OrganizationKinds.Count > 0)
        {
            var allowed = r.EntrantKind == EntrantKinds.Organization && r.OrganizationId is { } chosen ? [chosen] : myOrganizations;
            if (!allowed.Any(o => kindOf.TryGetValue(o, out var k) && call.OrganizationKinds.Contains(k)))
            {
                v.Add(nameof(r.OrganizationId), "这个征集只接受" + string.Join("、", call.OrganizationKinds.Select(Accounts.Entities.OrganizationKinds.Label))
                    + "（或其职工）申报。");
            }
        }

        string entrantName;
        int? organizationId = null;
        if (r.EntrantKind == EntrantKinds.Organization)
        {
            if (r.OrganizationId is not { } org || !myOrganizations.Contains(org))
            {
                v.Add(nameof(r.OrganizationId), "以单位名义申报，请选择你所在的单位。");
                entrantName = "";
            }
            else
            {
                organizationId = org;
                entrantName = tree.First(o => o.Id == org).Name;
            }
        }
        else
        {
            var names = await accounts.DisplayNamesAsync([me], ct);
            entrantName = string.IsNullOrWhiteSpace(r.EntrantName) ? names.GetValueOrDefault(me, "") : r.EntrantName.Trim();
            if (r.EntrantKind == EntrantKinds.Team && string.IsNullOrWhiteSpace(r.EntrantName))
            {
                v.Add(nameof(r.EntrantName), "请填写团队名称。");
            }
        }

        if (r.Category is null || !call.Categories.Contains(r.Category))
        {
            v.Add(nameof(r.Category), "请选择作品类别：" + string.Join("、", call.Categories) + "。");
        }

        DateOnly? birth = null;
        if (call.MinAge is not null || call.MaxAge is not null)
        {
            var lastDay = call.CollectPhase.EndsOn;
            if (r.BirthDate is not { } b || b > lastDay || b.Year < 1900)
            {
                v.Add(nameof(r.BirthDate), "这个征集有年龄要求，请填写申报人（团队负责人）的出生日期。");
            }
            else
            {
                var age = lastDay.Year - b.Year - (lastDay < b.AddYears(lastDay.Year - b.Year) ? 1 : 0);
                if (age < (call.MinAge ?? 0) || age > (call.MaxAge ?? 200))
                {
                    v.Add(nameof(r.BirthDate), $"按征集截止日计算，申报人 {age} 岁，不在要求的年龄范围内（{call.MinAge ?? 0}–{call.MaxAge?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "不限"} 岁）。");
                }

                birth = b;
            }
        }

        var links = (r.Links ?? []).Select(l => l?.Trim() ?? "").Where(l => l.Length > 0).Distinct().ToList();
        if (links.Count > ContestEntry.MaxLinks || links.Any(l => l.Length > 300 || !Uri.TryCreate(l, UriKind.Absolute, out var u) || u.Scheme is not ("http" or "https")))
        {
            v.Add(nameof(r.Links), $"链接须以 http:// 或 https:// 开头，最多 {ContestEntry.MaxLinks} 个。");
        }

        var authors = await AuthorsAsync(r, v, ct);
        if (r.EntrantKind == EntrantKinds.Team && authors.Count < 2)
        {
            v.Add(nameof(r.Authors), "团队申报请填写至少 2 位成员。");
        }

        var files = Files(r, v);
        if (call.Kind == CallKinds.Creation && files.Count == 0 && links.Count == 0)
        {
            v.Add(nameof(r.Files), "科普作品请上传作品文件或填写作品链接。");
        }

        if (!r.Declaration)
        {
            v.Add(nameof(r.Declaration), "请阅读并勾选原创声明：作品为申报者原创，不侵犯他人权利，同意获奖后按征集的许可协议发布。");
        }

        v.ThrowIfInvalid();
        return new EntryFields(r.EntrantKind!, entrantName, organizationId, r.Title!.Trim(), r.Category!, r.Description!.Trim(), links, birth, authors, files);
    }

    private async Task<List<EntryAuthor>> AuthorsAsync(EntryRequest r, RequestValidator v, CancellationToken ct)
    {
        var given = (r.Authors ?? []).Where(a => !string.IsNullOrWhiteSpace(a.Name) || !string.IsNullOrWhiteSpace(a.UserName)).ToList();
        if (given.Count > ContestEntry.MaxAuthors)
        {
            v.Add(nameof(r.Authors), $"作者最多 {ContestEntry.MaxAuthors} 位。");
            return [];
        }

        var authors = new List<EntryAuthor>();
        foreach (var a in given)
        {
            var name = a.Name?.Trim() ?? "";
            var org = string.IsNullOrWhiteSpace(a.Organization) ? null : a.Organization.Trim();
            if (name.Length is 0 or > 50 || TextRules.HasMarkup(name) || TextRules.HasControlCharacters(name) || (org is not null && (org.Length > 100 || TextRules.HasMarkup(org))))
            {
                v.Add(nameof(r.Authors), "每位作者需要姓名（不超过 50 个字），单位不超过 100 个字。");
                continue;
            }

            string? userId = null;
            if (!string.IsNullOrWhiteSpace(a.UserName) && (userId = await accounts.UserIdByNameAsync(a.UserName.Trim(), ct)) is null)
            {
                v.Add(nameof(r.Authors), $"没有用户名为“{a.UserName.Trim()}”的账号。");
            }

            authors.Add(new EntryAuthor(authors.Count + 1, name, userId, org));
        }

        return authors;
    }

    /// <summary>Files must already be in the media store (their type was sniffed from the bytes there, and the size limits applied).</summary>
    private List<EntryFile> Files(EntryRequest r, RequestValidator v)
    {
        var given = (r.Files ?? []).Where(f => !string.IsNullOrWhiteSpace(f.Url)).ToList();
        if (given.Count > ContestEntry.MaxFiles)
        {
            v.Add(nameof(r.Files), $"最多上传 {ContestEntry.MaxFiles} 个文件。");
            return [];
        }

        var files = new List<EntryFile>();
        foreach (var f in given)
        {
            var url = f.Url!.Trim();
            var found = url.StartsWith(MediaStore.PublicPrefix, StringComparison.Ordinal) ? media.Find(url[MediaStore.PublicPrefix.Length..]) : null;
            if (found is not { } stored)
            {
                v.Add(nameof(r.Files), $"文件 {url} 不存在，请重新上传。");
                continue;
            }

            var name = string.IsNullOrWhiteSpace(f.Name) ? Path.GetFileName(stored.Path) : f.Name.Trim();
            name = name.Length > 100 ? name[..100] : name;
            if (TextRules.HasMarkup(name) || TextRules.HasControlCharacters(name))
            {
                name = Path.GetFileName(stored.Path);
            }

            files.Add(new EntryFile(files.Count + 1, url, stored.ContentType, new FileInfo(stored.Path).Length, name));
        }

        return files;
    }

    private static string NewReceipt(int callId) =>
        $"ZJ{callId:D3}-{RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZ23456789", 6)}";
}
