using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kepu.Web.Features.Library.Entities;

/// <summary>
/// 需求感知: one search, without any personal identifier — no account, no address; only the normalised
/// words, the searcher's audience group and region (declared or chosen), and how many results it found.
/// </summary>
public sealed class SearchLog
{
    private SearchLog()
    {
    }

    public SearchLog(string query, string? audience, string? regionGroup, int results, DateTime at)
    {
        Query = query;
        Audience = audience;
        RegionGroup = regionGroup;
        Results = results;
        At = at;
    }

    public long Id { get; private set; }
    public string Query { get; private set; } = "";
    public string? Audience { get; private set; }
    public string? RegionGroup { get; private set; }
    public int Results { get; private set; }
    public DateTime At { get; private set; }
}

internal sealed class SearchLogConfiguration : IEntityTypeConfiguration<SearchLog>
{
    public void Configure(EntityTypeBuilder<SearchLog> b)
    {
        b.ToTable("library_search_log");
        b.HasKey(l => l.Id);
        b.Property(l => l.Query).HasMaxLength(200).IsRequired();
        b.Property(l => l.Audience).HasMaxLength(16);
        b.Property(l => l.RegionGroup).HasMaxLength(16);
        b.HasIndex(l => l.At);
    }
}
