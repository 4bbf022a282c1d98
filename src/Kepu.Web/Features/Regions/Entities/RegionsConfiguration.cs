using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kepu.Web.Features.Regions.Entities;

internal sealed class DistrictConfiguration : IEntityTypeConfiguration<District>
{
    public void Configure(EntityTypeBuilder<District> b)
    {
        b.ToTable("regions_district");
        b.HasKey(d => d.Code);
        b.Property(d => d.Code).HasMaxLength(6);
        b.Property(d => d.Name).HasMaxLength(32).IsRequired();
        b.Property(d => d.Group).HasMaxLength(16).IsRequired();
        b.Ignore(d => d.Flags);
        b.HasData(DistrictSeed.All);
    }
}

internal sealed class TownConfiguration : IEntityTypeConfiguration<Town>
{
    public void Configure(EntityTypeBuilder<Town> b)
    {
        b.ToTable("regions_town");
        b.HasKey(t => t.Code);
        b.Property(t => t.Code).HasMaxLength(12);
        b.Property(t => t.Name).HasMaxLength(64).IsRequired();
        b.Property(t => t.DistrictCode).HasMaxLength(6).IsRequired();
        b.HasOne<District>().WithMany().HasForeignKey(t => t.DistrictCode).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(t => t.DistrictCode);
    }
}

internal sealed class DistrictChangeConfiguration : IEntityTypeConfiguration<DistrictChange>
{
    public void Configure(EntityTypeBuilder<DistrictChange> b)
    {
        b.ToTable("regions_district_change");
        b.HasKey(c => c.Id);
        b.Property(c => c.DistrictCode).HasMaxLength(6).IsRequired();
        b.Property(c => c.Field).HasMaxLength(16).IsRequired();
        b.Property(c => c.OldValue).HasMaxLength(200).IsRequired();
        b.Property(c => c.NewValue).HasMaxLength(200).IsRequired();
        b.Property(c => c.ChangedBy).HasMaxLength(64).IsRequired();
        b.HasOne<District>().WithMany().HasForeignKey(c => c.DistrictCode).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => new { c.DistrictCode, c.ChangedAt });
    }
}

/// <summary>The starting values of DESIGN §5. Administrators may edit them afterwards.</summary>
internal static class DistrictSeed
{
    private static readonly (string Code, string Name, string Group, string Flags)[] Rows =
    [
        ("500103", "渝中区", RegionGroup.Core, ""),
        ("500104", "大渡口区", RegionGroup.Core, ""),
        ("500105", "江北区", RegionGroup.Core, ""),
        ("500106", "沙坪坝区", RegionGroup.Core, ""),
        ("500107", "九龙坡区", RegionGroup.Core, ""),
        ("500108", "南岸区", RegionGroup.Core, ""),
        ("500109", "北碚区", RegionGroup.Core, ""),
        ("500112", "渝北区", RegionGroup.Core, ""),
        ("500113", "巴南区", RegionGroup.Core, ""),
        ("500102", "涪陵区", RegionGroup.New, ""),
        ("500115", "长寿区", RegionGroup.New, ""),
        ("500116", "江津区", RegionGroup.New, ""),
        ("500117", "合川区", RegionGroup.New, ""),
        ("500118", "永川区", RegionGroup.New, ""),
        ("500119", "南川区", RegionGroup.New, ""),
        ("500110", "綦江区", RegionGroup.New, ""),
        ("500111", "大足区", RegionGroup.New, ""),
        ("500120", "璧山区", RegionGroup.New, ""),
        ("500151", "铜梁区", RegionGroup.New, ""),
        ("500152", "潼南区", RegionGroup.New, ""),
        ("500153", "荣昌区", RegionGroup.New, ""),
        ("500101", "万州区", RegionGroup.Northeast, "RP"),
        ("500154", "开州区", RegionGroup.Northeast, "RP"),
        ("500155", "梁平区", RegionGroup.Northeast, "R"),
        ("500229", "城口县", RegionGroup.Northeast, "RPO"),
        ("500230", "丰都县", RegionGroup.Northeast, "RP"),
        ("500231", "垫江县", RegionGroup.Northeast, "R"),
        ("500233", "忠县", RegionGroup.Northeast, "R"),
        ("500235", "云阳县", RegionGroup.Northeast, "RP"),
        ("500236", "奉节县", RegionGroup.Northeast, "RP"),
        ("500237", "巫山县", RegionGroup.Northeast, "RP"),
        ("500238", "巫溪县", RegionGroup.Northeast, "RP"),
        ("500114", "黔江区", RegionGroup.Southeast, "REPO"),
        ("500156", "武隆区", RegionGroup.Southeast, "RP"),
        ("500240", "石柱土家族自治县", RegionGroup.Southeast, "REPO"),
        ("500241", "秀山土家族苗族自治县", RegionGroup.Southeast, "REPO"),
        ("500242", "酉阳土家族苗族自治县", RegionGroup.Southeast, "REPO"),
        ("500243", "彭水苗族土家族自治县", RegionGroup.Southeast, "REPO"),
    ];

    public static District[] All => Rows
        .Select((r, i) => new District(r.Code, r.Name, r.Group, i + 1,
            remote: r.Flags.Contains('R'), ethnic: r.Flags.Contains('E'), poverty: r.Flags.Contains('P'), oldRevolutionary: r.Flags.Contains('O')))
        .ToArray();
}
