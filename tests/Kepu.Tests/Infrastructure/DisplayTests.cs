using Kepu.Web.Features.Regions;
using Kepu.Web.Infrastructure.Web;

namespace Kepu.Tests.Infrastructure;

public sealed class DisplayTests
{
    [Fact]
    public void Beijing_IsUtcPlusEight_AcrossMidnight()
    {
        Assert.Equal("2026-11-30 03:15", Display.Beijing(new DateTime(2026, 11, 29, 19, 15, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void DistrictChanges_AreShownInChinese()
    {
        Assert.Equal("标记", DistrictChangeText.Field("flags"));
        Assert.Equal("边远涉农区县、民族地区", DistrictChangeText.Value("flags", "remote,ethnic"));
        Assert.Equal("（无）", DistrictChangeText.Value("flags", ""));
        Assert.Equal("渝东南武陵山区城镇群", DistrictChangeText.Value("group", "southeast"));
    }
}
