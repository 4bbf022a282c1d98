using Kepu.Web.Features.Regions.Entities;
using Kepu.Web.Infrastructure.Errors;

namespace Kepu.Tests.Features.Regions;

public sealed class DistrictRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 29, 8, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Update_RecordsOnlyTheFieldsThatChanged()
    {
        var district = new District("500242", "酉阳土家族苗族自治县", RegionGroup.Southeast, 1, true, true, true, true);

        var changes = district.Update("酉阳土家族苗族自治县", RegionGroup.Southeast, ["remote", "ethnic"], "admin", Now);

        var change = Assert.Single(changes);
        Assert.Equal("flags", change.Field);
        Assert.Equal("remote,ethnic,poverty,oldRevolutionary", change.OldValue);
        Assert.Equal("remote,ethnic", change.NewValue);
        Assert.Equal(Now, change.ChangedAt);
        Assert.Equal(["remote", "ethnic"], district.Flags);
    }

    [Fact]
    public void Update_WithNoChange_RecordsNothing()
    {
        var district = new District("500103", "渝中区", RegionGroup.Core, 1, false, false, false, false);

        Assert.Empty(district.Update("渝中区", RegionGroup.Core, [], "admin", Now));
    }

    [Fact]
    public void Update_WithUnknownGroup_BreaksARule()
    {
        var district = new District("500103", "渝中区", RegionGroup.Core, 1, false, false, false, false);

        var e = Assert.Throws<BusinessRuleException>(() => district.Update("渝中区", "mars", [], "admin", Now));
        Assert.Contains("区域分组", e.Message);
    }

    [Fact]
    public void Seed_HasThe38DistrictsOfTheDesign()
    {
        var all = DistrictSeed.All;

        Assert.Equal(38, all.Length);
        Assert.Equal(38, all.Select(d => d.Code).Distinct().Count());
        Assert.Equal(5, all.Count(d => d.Ethnic));
        Assert.Equal(6, all.Count(d => d.OldRevolutionary));
        Assert.Equal(17, all.Count(d => d.Remote));
        Assert.Equal(14, all.Count(d => d.Poverty));
    }
}
