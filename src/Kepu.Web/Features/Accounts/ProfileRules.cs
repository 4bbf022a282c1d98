using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Features.Regions;
using Kepu.Web.Infrastructure.Validation;

namespace Kepu.Web.Features.Accounts;

/// <summary>Checks shared by registration and profile editing.</summary>
internal static class ProfileRules
{
    public static async Task CheckAsync(RequestValidator v, IReadOnlyList<string>? audiences, string? district, string? town,
        IReadOnlyList<string>? interests, IRegionDirectory regions, CancellationToken ct)
    {
        if (audiences is null || audiences.Count == 0)
        {
            v.Add("audiences", "请至少选择一个人群类别。");
        }
        else if (audiences.FirstOrDefault(a => !Audiences.IsValid(a)) is { } badAudience)
        {
            v.Add("audiences", $"人群类别“{Short(badAudience)}”无效，可选：{string.Join("、", Audiences.All.Select(a => $"{a.Code}（{a.Label}）"))}。");
        }

        if (interests?.FirstOrDefault(i => !Interests.IsValid(i)) is { } badInterest)
        {
            v.Add("interests", $"兴趣“{Short(badInterest)}”无效。");
        }
        else if (interests?.Count > Interests.All.Count)
        {
            v.Add("interests", "兴趣选项过多。");
        }

        if (!string.IsNullOrEmpty(district) && !v.Has("district"))
        {
            if (await regions.FindDistrictAsync(district, ct) is null)
            {
                v.Add("district", $"区县代码“{Short(district)}”不存在，请从重庆市 38 个区县中选择。");
            }
            else if (!string.IsNullOrWhiteSpace(town))
            {
                var found = await regions.FindTownAsync(town, ct);
                if (found is null || found.DistrictCode != district)
                {
                    v.Add("town", "所选乡镇（街道）不属于该区县。");
                }
            }
        }
    }

    private static string Short(string s) => s.Length <= 20 ? s : s[..20] + "…";
}
