using System.ComponentModel.DataAnnotations;
using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Features.Library.Entities;
using Kepu.Web.Features.Regions;
using Kepu.Web.Features.Regions.Entities;
using Kepu.Web.Infrastructure.Validation;

namespace Kepu.Web.Features.Library;

/// <summary>What a writer sends to create or edit an item (API and pages).</summary>
public sealed record ContentRequest
{
    [Display(Name = "类型")]
    public string? Kind { get; init; }

    [Display(Name = "标题")]
    [Required(ErrorMessage = "请填写标题。")]
    [StringLength(100, MinimumLength = 4, ErrorMessage = "标题需要 4 到 100 个字。")]
    [PlainText]
    public string? Title { get; init; }

    [Display(Name = "摘要")]
    [Required(ErrorMessage = "请填写摘要。")]
    [StringLength(300, MinimumLength = 10, ErrorMessage = "摘要需要 10 到 300 个字。")]
    [PlainText]
    public string? Summary { get; init; }

    [Display(Name = "正文")]
    [StringLength(50_000, ErrorMessage = "正文不能超过 5 万字。")]
    public string? Body { get; init; }

    [Display(Name = "文字稿")]
    [StringLength(50_000, ErrorMessage = "文字稿不能超过 5 万字。")]
    public string? Transcript { get; init; }

    [Display(Name = "媒体链接")]
    [StringLength(500, ErrorMessage = "链接不能超过 500 个字符。")]
    public string? MediaUrl { get; init; }

    /// <summary>An uploaded image (<c>/media/...</c>, from <c>POST /api/v1/media</c>).</summary>
    public string? CoverImage { get; init; }

    public IReadOnlyList<string>? Audiences { get; init; }
    public IReadOnlyList<string>? Topics { get; init; }
    public IReadOnlyList<string>? Districts { get; init; }
    public IReadOnlyList<string>? RegionGroups { get; init; }

    [Display(Name = "作者")]
    public IReadOnlyList<string>? Authors { get; init; }

    public string? Licence { get; init; }
    public bool? ElderFriendly { get; init; }

    /// <summary>Editors may name the contributing organisation; members write for their own.</summary>
    public int? OrganizationId { get; init; }

    internal async Task<ContentFields> ValidateAsync(Taxonomy taxonomy, IRegionDirectory regions, CancellationToken ct)
    {
        var v = RequestValidator.For(this);
        var kind = Kind ?? ContentKinds.Article;
        if (!ContentKinds.IsValid(kind))
        {
            v.Add(nameof(Kind), $"类型只能是 {string.Join("、", ContentKinds.All.Select(k => $"{k.Code}（{k.Label}）"))}。");
        }

        if (kind is ContentKinds.Article && string.IsNullOrWhiteSpace(Body))
        {
            v.Add(nameof(Body), "图文内容请填写正文。");
        }

        if (kind is ContentKinds.Video or ContentKinds.Audio)
        {
            if (string.IsNullOrWhiteSpace(MediaUrl))
            {
                v.Add(nameof(MediaUrl), "视频和音频请上传文件或填写链接。");
            }

            if (string.IsNullOrWhiteSpace(Transcript) || Transcript.Trim().Length < 20)
            {
                v.Add(nameof(Transcript), "视频和音频必须附文字稿（至少 20 个字），方便听障人士阅读和搜索。");
            }
        }

        if (kind is ContentKinds.Interactive && string.IsNullOrWhiteSpace(MediaUrl))
        {
            v.Add(nameof(MediaUrl), "互动内容请填写链接。");
        }

        if (!string.IsNullOrWhiteSpace(MediaUrl) && !IsSafeUrl(MediaUrl))
        {
            v.Add(nameof(MediaUrl), "链接须以 https:// 或 http:// 开头，或是本站上传的文件（/media/...）。");
        }

        if (!string.IsNullOrWhiteSpace(CoverImage) && !System.Text.RegularExpressions.Regex.IsMatch(CoverImage, @"^/media/[0-9a-f]{64}\.(jpg|png|gif|webp)$"))
        {
            v.Add(nameof(CoverImage), "封面须是本站上传的图片（/media/...）。");
        }

        if (Audiences is not { Count: > 0 })
        {
            v.Add(nameof(Audiences), "请至少选择一个目标人群。");
        }
        else if (Audiences.FirstOrDefault(a => !Accounts.Entities.Audiences.IsValid(a)) is { } bad)
        {
            v.Add(nameof(Audiences), $"目标人群“{Short(bad)}”无效。");
        }

        if (Topics is not { Count: > 0 })
        {
            v.Add(nameof(Topics), "请至少选择一个主题。");
        }
        else
        {
            foreach (var topic in Topics)
            {
                if (!await taxonomy.ExistsAsync(topic, ct))
                {
                    v.Add(nameof(Topics), $"主题“{Short(topic)}”不在主题目录中。");
                }
            }
        }

        foreach (var district in Districts ?? [])
        {
            if (await regions.FindDistrictAsync(district, ct) is null)
            {
                v.Add(nameof(Districts), $"区县代码“{Short(district)}”不存在。");
            }
        }

        if ((RegionGroups ?? []).FirstOrDefault(g => !RegionGroup.IsValid(g)) is { } badGroup)
        {
            v.Add(nameof(RegionGroups), $"区域分组“{Short(badGroup)}”无效。");
        }

        if ((Authors ?? []).Any(a => a.Length > 32 || TextRules.HasControlCharacters(a) || TextRules.HasMarkup(a)))
        {
            v.Add(nameof(Authors), "作者姓名不能超过 32 个字，且不能含 HTML 或控制字符。");
        }

        var licence = Licence ?? "CC BY 4.0";
        if (!Licences.IsValid(licence))
        {
            v.Add(nameof(Licence), $"许可协议只能是 {string.Join("、", Licences.All.Select(l => l.Code))}。");
        }

        if ((Body ?? "").Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        {
            v.Add(nameof(Body), "正文含有控制字符。");
        }

        v.ThrowIfInvalid();
        return new ContentFields(kind, Title!.Trim(), Summary!.Trim(), (Body ?? "").Trim(), NullIfBlank(Transcript), NullIfBlank(MediaUrl), NullIfBlank(CoverImage),
            [.. Audiences!], [.. Topics!], [.. Districts ?? []], [.. RegionGroups ?? []], [.. (Authors ?? []).Select(a => a.Trim()).Where(a => a.Length > 0)],
            licence, ElderFriendly ?? false);
    }

    private static bool IsSafeUrl(string url) =>
        url.StartsWith("/media/", StringComparison.Ordinal)
        || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp));

    private static string? NullIfBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static string Short(string s) => s.Length <= 20 ? s : s[..20] + "…";
}
