using Kepu.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kepu.Web.Features.Library.Entities;

/// <summary>
/// 情景应用: a campaign such as 汛期防灾 or 老年健康宣传周. While it runs, its items are lifted in the feeds
/// of the people it targets, and they see its banner.
/// </summary>
public sealed class Campaign
{
    private Campaign()
    {
    }

    public Campaign(string name, string banner, DateTime startsAt, DateTime endsAt, IReadOnlyList<string> audiences, IReadOnlyList<string> districts,
        IReadOnlyList<string> regionGroups, IReadOnlyList<int> items, string createdBy, DateTime now)
    {
        CreatedBy = createdBy;
        CreatedAt = now;
        Update(name, banner, startsAt, endsAt, audiences, districts, regionGroups, items);
    }

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public string Banner { get; private set; } = "";
    public DateTime StartsAt { get; private set; }
    public DateTime EndsAt { get; private set; }
    public List<string> Audiences { get; private set; } = [];
    public List<string> Districts { get; private set; } = [];
    public List<string> RegionGroups { get; private set; } = [];
    public List<int> Items { get; private set; } = [];
    public string CreatedBy { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }

    public void Update(string name, string banner, DateTime startsAt, DateTime endsAt, IReadOnlyList<string> audiences, IReadOnlyList<string> districts,
        IReadOnlyList<string> regionGroups, IReadOnlyList<int> items)
    {
        if (endsAt <= startsAt)
        {
            throw new BusinessRuleException("专题的结束时间必须晚于开始时间。");
        }

        Name = name;
        Banner = banner;
        StartsAt = startsAt;
        EndsAt = endsAt;
        Audiences = [.. audiences.Distinct()];
        Districts = [.. districts.Distinct()];
        RegionGroups = [.. regionGroups.Distinct()];
        Items = [.. items.Distinct()];
    }

    public bool IsActive(DateTime now) => StartsAt <= now && now < EndsAt;

    /// <summary>Whether a person (their audiences, district and region group) is among those the campaign is for.</summary>
    public bool Targets(IReadOnlyList<string> audiences, string? district, string? regionGroup)
    {
        var audienceOk = Audiences.Count == 0 || audiences.Count == 0 || Audiences.Any(audiences.Contains);
        var placeOk = (Districts.Count == 0 && RegionGroups.Count == 0)
            || (district is null && regionGroup is null)
            || (district is not null && Districts.Contains(district))
            || (regionGroup is not null && RegionGroups.Contains(regionGroup));
        return audienceOk && placeOk;
    }
}

/// <summary>An editor's playlist for public screens (buses, buildings, outdoors) in a set of districts.</summary>
public sealed class ScreenPlaylist
{
    private ScreenPlaylist()
    {
    }

    public ScreenPlaylist(string name, IReadOnlyList<string> districts, IReadOnlyList<int> items, int secondsPerItem, string createdBy, DateTime now)
    {
        CreatedBy = createdBy;
        Update(name, districts, items, secondsPerItem, now);
    }

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public List<string> Districts { get; private set; } = [];
    public List<int> Items { get; private set; } = [];
    public int SecondsPerItem { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTime UpdatedAt { get; private set; }

    public void Update(string name, IReadOnlyList<string> districts, IReadOnlyList<int> items, int secondsPerItem, DateTime now)
    {
        if (items.Count == 0)
        {
            throw new BusinessRuleException("播放列表至少要有一条内容。");
        }

        if (secondsPerItem is < 5 or > 300)
        {
            throw new BusinessRuleException("每条内容的播放时间须在 5 到 300 秒之间。");
        }

        Name = name;
        Districts = [.. districts.Distinct()];
        Items = [.. items];
        SecondsPerItem = secondsPerItem;
        UpdatedAt = now;
    }
}

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> b)
    {
        b.ToTable("library_campaign");
        b.HasKey(c => c.Id);
        b.Property(c => c.Name).HasMaxLength(64).IsRequired();
        b.Property(c => c.Banner).HasMaxLength(200).IsRequired();
        b.Property(c => c.CreatedBy).HasMaxLength(450).IsRequired();
        b.HasIndex(c => new { c.StartsAt, c.EndsAt });
    }
}

internal sealed class ScreenPlaylistConfiguration : IEntityTypeConfiguration<ScreenPlaylist>
{
    public void Configure(EntityTypeBuilder<ScreenPlaylist> b)
    {
        b.ToTable("library_screen_playlist");
        b.HasKey(p => p.Id);
        b.Property(p => p.Name).HasMaxLength(64).IsRequired();
        b.Property(p => p.CreatedBy).HasMaxLength(450).IsRequired();
    }
}
