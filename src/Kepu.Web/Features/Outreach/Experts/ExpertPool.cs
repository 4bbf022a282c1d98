using System.Security.Claims;
using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Features.Outreach.Events.Entities;
using Kepu.Web.Features.Outreach.Orders;
using Kepu.Web.Features.Regions;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Validation;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Outreach.Experts;

public sealed record ExpertProfileRequest(string? HomeDistrict, IReadOnlyList<string>? Teams, string? Branch, IReadOnlyList<string>? Dialects,
    IReadOnlyList<string>? DistrictsServed, IReadOnlyList<int>? Weekdays, int? MaxPerMonth, string? Bio);

public sealed record ExpertView(string Id, string Name, IReadOnlyList<string> Disciplines, string HomeDistrict, string HomeDistrictName,
    IReadOnlyList<string> Teams, string? Branch, IReadOnlyList<string> Dialects, IReadOnlyList<string> DistrictsServed, IReadOnlyList<int> Weekdays,
    int MaxPerMonth, string Bio, int Lectures, double? Rating, bool HasProfile);

/// <summary>专家库: experts with their disciplines (from their account) and what the pool records about them.</summary>
public sealed class ExpertPool(AppDbContext db, IAccountDirectory accounts, IRegionDirectory regions, TimeProvider clock)
{
    public static readonly string[] WeekdayNames = ["一", "二", "三", "四", "五", "六", "日"];

    public async Task<IReadOnlyList<ExpertView>> ListAsync(string? discipline = null, string? team = null, string? dialect = null, string? district = null,
        CancellationToken ct = default)
    {
        var experts = await accounts.ExpertsAsync(ct);
        var profiles = await db.Set<ExpertProfile>().AsNoTracking().ToDictionaryAsync(p => p.UserId, ct);
        var lectures = await db.Set<OutreachEvent>().AsNoTracking().Where(e => e.ExpertId != null && e.Status != EventStatus.Cancelled)
            .GroupBy(e => e.ExpertId!).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var ratings = await OrderRatings.ByExpertAsync(db, ct);
        var names = (await regions.DistrictsAsync(ct)).ToDictionary(d => d.Code, d => d.Name);
        var list = new List<ExpertView>();
        foreach (var e in experts)
        {
            var p = profiles.GetValueOrDefault(e.Id);
            var view = View(e, p, names, lectures.GetValueOrDefault(e.Id), ratings.GetValueOrDefault(e.Id));
            if ((discipline is { Length: > 0 } && !e.Disciplines.Contains(discipline))
                || (team is { Length: > 0 } && !view.Teams.Contains(team))
                || (dialect is { Length: > 0 } && !view.Dialects.Contains(dialect))
                || (district is { Length: > 0 } && p is not null && !p.Serves(district)))
            {
                continue;
            }

            list.Add(view);
        }

        return list;
    }

    public async Task<ExpertView> GetAsync(string userId, CancellationToken ct = default) =>
        (await ListAsync(ct: ct)).FirstOrDefault(e => e.Id == userId) ?? throw new NotFoundException("没有这位专家。");

    /// <summary>An expert edits their own entry; administrators may edit anyone's.</summary>
    public async Task<ExpertView> SaveAsync(string expertId, ExpertProfileRequest r, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (user.UserId() != expertId && !user.IsInRole(Roles.Admin))
        {
            throw new ForbiddenException("只能修改自己的专家信息。");
        }

        if (!(await accounts.ExpertsAsync(ct)).Any(e => e.Id == expertId))
        {
            throw new ForbiddenException("只有专家可以登记专家库信息。");
        }

        var v = RequestValidator.For(r);
        var districts = (await regions.DistrictsAsync(ct)).Select(d => d.Code).ToHashSet();
        if (r.HomeDistrict is null || !districts.Contains(r.HomeDistrict))
        {
            v.Add(nameof(r.HomeDistrict), "请选择常住区县。");
        }

        var teams = Clean(r.Teams);
        if (teams.Any(t => !ExpertTeams.IsValid(t)))
        {
            v.Add(nameof(r.Teams), "所属专家团只能从列表中选择。");
        }

        var served = Clean(r.DistrictsServed);
        if (served.Any(d => !districts.Contains(d)))
        {
            v.Add(nameof(r.DistrictsServed), "服务区县须是重庆的区县代码。");
        }

        var dialects = Clean(r.Dialects);
        if (dialects.Count > 10 || dialects.Any(d => d.Length > 20))
        {
            v.Add(nameof(r.Dialects), "方言最多 10 种，每种不超过 20 个字。");
        }

        var days = (r.Weekdays ?? []).Distinct().ToList();
        if (days.Count == 0 || days.Any(d => d is < 1 or > 7))
        {
            v.Add(nameof(r.Weekdays), "请至少选择一天（星期一到星期日）。");
        }

        if (r.MaxPerMonth is not (>= 1 and <= 31))
        {
            v.Add(nameof(r.MaxPerMonth), "每月最多场次须在 1 到 31 之间。");
        }

        var branch = string.IsNullOrWhiteSpace(r.Branch) ? null : r.Branch.Trim();
        if (branch is { Length: > 50 })
        {
            v.Add(nameof(r.Branch), "分团名称不能超过 50 个字。");
        }

        var bio = (r.Bio ?? "").Trim();
        if (bio.Length > ExpertProfile.MaxBio)
        {
            v.Add(nameof(r.Bio), $"简介不能超过 {ExpertProfile.MaxBio} 个字。");
        }

        v.ThrowIfInvalid();
        var profile = await db.Set<ExpertProfile>().FirstOrDefaultAsync(p => p.UserId == expertId, ct);
        if (profile is null)
        {
            profile = new ExpertProfile(expertId);
            db.Add(profile);
        }

        profile.Update(r.HomeDistrict!, teams, branch, dialects, served, days.Aggregate(0, (m, d) => m | (1 << (d - 1))), r.MaxPerMonth!.Value, bio,
            clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return await GetAsync(expertId, ct);
    }

    public static ExpertView View(ExpertCard e, ExpertProfile? p, IReadOnlyDictionary<string, string> districtNames, int lectures, double? rating)
    {
        p ??= new ExpertProfile(e.Id);
        var days = Enumerable.Range(1, 7).Where(d => (p.Weekdays & (1 << (d - 1))) != 0).ToList();
        return new ExpertView(e.Id, e.Name, e.Disciplines, p.HomeDistrict, districtNames.GetValueOrDefault(p.HomeDistrict, p.HomeDistrict), p.Teams, p.Branch,
            p.Dialects, p.DistrictsServed, days, p.MaxPerMonth, p.Bio, lectures, rating, p.UpdatedAt != default);
    }

    private static List<string> Clean(IReadOnlyList<string>? values) =>
        [.. (values ?? []).Select(x => x.Trim()).Where(x => x.Length > 0).Distinct()];
}
