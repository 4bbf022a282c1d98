using System.ComponentModel.DataAnnotations;
using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Learning.Entities;
using Kepu.Web.Features.Library.Media;
using Kepu.Web.Infrastructure.Validation;
using Kepu.Web.Infrastructure.Web;

namespace Kepu.Web.Features.Learning.Activities;

/// <summary>An activity as a person records it. Send it to one of your organisations (<c>organizationId</c>) or to a supervisor (<c>supervisor</c>: a user name).</summary>
public sealed record ActivityRequest
{
    /// <summary>lecture, article, video, event or volunteering.</summary>
    public string? Kind { get; init; }

    [Display(Name = "题目")]
    [Required(ErrorMessage = "请填写活动题目。")]
    [StringLength(100, MinimumLength = 2, ErrorMessage = "题目需要 2 到 100 个字。")]
    [PlainText]
    public string? Title { get; init; }

    public DateOnly? Date { get; init; }

    [Display(Name = "地点")]
    [Required(ErrorMessage = "请填写地点（线上的可填平台名称）。")]
    [StringLength(100, ErrorMessage = "地点不能超过 100 个字。")]
    [PlainText]
    public string? Place { get; init; }

    /// <summary>People reached (listeners, readers, viewers, participants); 0 when unknown.</summary>
    public int? Audience { get; init; }

    /// <summary>Hours claimed, 0.5 to 100 in half hours.</summary>
    public decimal? Hours { get; init; }

    /// <summary>A <c>/media/…</c> address from <c>POST /api/v1/media</c>, or an http(s) link.</summary>
    public string? Evidence { get; init; }

    public int? OrganizationId { get; init; }
    public string? Supervisor { get; init; }
}

/// <summary>Checks an <see cref="ActivityRequest"/> and turns it into <see cref="ActivityDetails"/>; every field error is reported at once.</summary>
public sealed class ActivityInput(IAccountDirectory accounts, MediaStore media, TimeProvider clock)
{
    public const int MaxAudience = 10_000_000;
    public const int MaxEvidence = 500;
    private static readonly DateOnly Earliest = new(2000, 1, 1);

    /// <param name="uploading">A file comes with the request (the page's upload); its address is filled in once it is stored.</param>
    public async Task<ActivityDetails> CheckAsync(ActivityRequest r, string ownerId, bool uploading, CancellationToken ct)
    {
        var v = RequestValidator.For(r);
        if (!ActivityKinds.IsValid(r.Kind))
        {
            v.Add(nameof(r.Kind), "请选择活动类型：讲座、文章、视频、活动或志愿服务。");
        }

        var today = Display.BeijingDay(clock.GetUtcNow().UtcDateTime);
        if (r.Date is not { } date)
        {
            v.Add(nameof(r.Date), "请填写活动日期。");
        }
        else if (date > today)
        {
            v.Add(nameof(r.Date), "活动日期不能晚于今天：做过的活动才能申报。");
        }
        else if (date < Earliest)
        {
            v.Add(nameof(r.Date), "活动日期不能早于 2000 年。");
        }

        if (r.Audience is not (>= 0 and <= MaxAudience))
        {
            v.Add(nameof(r.Audience), $"受众人数须是 0 到 {MaxAudience:N0} 之间的整数（不清楚可填 0）。");
        }

        if (r.Hours is not { } hours || hours < ScienceActivity.MinHours || hours > ScienceActivity.MaxHours || hours % 0.5m != 0)
        {
            v.Add(nameof(r.Hours), $"学时须在 {ScienceActivity.MinHours} 到 {ScienceActivity.MaxHours:0} 小时之间，以半小时计。");
        }

        var evidence = Blank(r.Evidence);
        if (uploading && evidence is not null)
        {
            v.Add(nameof(r.Evidence), "证明材料只需一种：上传文件，或填写链接。");
        }
        else if (!uploading && CheckEvidence(evidence) is { } problem)
        {
            v.Add(nameof(r.Evidence), problem);
        }

        var (organizationId, supervisorId) = await CheckReviewerAsync(r, ownerId, v, ct);
        v.ThrowIfInvalid();
        return new ActivityDetails(r.Kind!, r.Title!.Trim(), r.Date!.Value, r.Place!.Trim(), r.Audience!.Value, r.Hours!.Value, evidence ?? "",
            organizationId, supervisorId, supervisorId is null ? null : Blank(r.Supervisor));
    }

    private string? CheckEvidence(string? evidence)
    {
        if (evidence is null)
        {
            return "请上传证明材料（照片、视频等），或填写能看到证明的链接（http 或 https）。";
        }

        if (evidence.StartsWith(MediaStore.PublicPrefix, StringComparison.Ordinal))
        {
            return media.Find(evidence[MediaStore.PublicPrefix.Length..]) is null ? "找不到这个已上传的文件：请先上传，再填写得到的 /media/… 地址。" : null;
        }

        return evidence.Length <= MaxEvidence && Uri.TryCreate(evidence, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? null
            : $"证明材料须是已上传文件的 /media/… 地址，或 http(s) 链接（最多 {MaxEvidence} 个字符）。";
    }

    /// <summary>Exactly one reviewer: one of the person's organisations, or another person's account.</summary>
    private async Task<(int? Organization, string? Supervisor)> CheckReviewerAsync(ActivityRequest r, string ownerId, RequestValidator v, CancellationToken ct)
    {
        var supervisor = Blank(r.Supervisor);
        switch (r.OrganizationId, supervisor)
        {
            case (null, null):
                v.Add(nameof(r.OrganizationId), "请选择提交给哪个单位审核，或填写导师（负责人）的用户名。");
                return (null, null);
            case (not null, not null):
                v.Add(nameof(r.OrganizationId), "只能选一种：提交给单位审核，或提交给导师审核。");
                return (null, null);
            case ({ } org, null):
                if (!(await accounts.OrganizationIdsAsync(ownerId, ct)).Contains(org))
                {
                    v.Add(nameof(r.OrganizationId), "只能提交给自己所在的单位。");
                }

                return (org, null);
            default:
                var id = await accounts.UserIdByNameAsync(supervisor!, ct);
                if (id is null)
                {
                    v.Add(nameof(r.Supervisor), $"找不到用户名为“{supervisor}”的账号。");
                }
                else if (id == ownerId)
                {
                    v.Add(nameof(r.Supervisor), "不能提交给自己审核。");
                }

                return (null, id);
        }
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
