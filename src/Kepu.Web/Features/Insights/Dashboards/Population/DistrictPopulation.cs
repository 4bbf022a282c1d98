using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kepu.Web.Features.Insights.Dashboards.Population;

/// <summary>
/// A district's resident population (常住人口) as an administrator entered or imported it, with the year it refers to
/// and where it came from. Without a row the dashboards show “—” for figures per 10,000 residents.
/// </summary>
public sealed class DistrictPopulation
{
    public const int MaxSource = 100;
    public const long MaxResidents = 20_000_000;

    private DistrictPopulation()
    {
    }

    public DistrictPopulation(string district)
    {
        District = district;
    }

    public string District { get; private set; } = "";
    public long Residents { get; private set; }
    public int Year { get; private set; }

    /// <summary>统计公报, 演示数据 …: shown next to the figure, so demo numbers are never taken for official ones.</summary>
    public string Source { get; private set; } = "";

    public DateTime UpdatedAt { get; private set; }
    public string UpdatedBy { get; private set; } = "";

    public void Set(long residents, int year, string source, string by, DateTime now)
    {
        (Residents, Year, Source, UpdatedBy, UpdatedAt) = (residents, year, source, by, now);
    }
}

internal sealed class DistrictPopulationConfiguration : IEntityTypeConfiguration<DistrictPopulation>
{
    public void Configure(EntityTypeBuilder<DistrictPopulation> b)
    {
        b.ToTable("insights_district_population");
        b.HasKey(p => p.District);
        b.Property(p => p.District).HasMaxLength(6);
        b.Property(p => p.Source).HasMaxLength(DistrictPopulation.MaxSource).IsRequired();
        b.Property(p => p.UpdatedBy).HasMaxLength(256).IsRequired();
    }
}
