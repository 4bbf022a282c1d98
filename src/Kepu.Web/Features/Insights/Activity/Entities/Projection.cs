using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kepu.Web.Features.Insights.Activity.Entities;

/// <summary>How far the projector has read the activity log: every event with a smaller or equal id is in the aggregates (except the open gaps).</summary>
public sealed class ProjectionState
{
    public const string Reach = "reach";

    private ProjectionState()
    {
    }

    public ProjectionState(string name, long watermark, DateTime updatedAt)
    {
        Name = name;
        Watermark = watermark;
        UpdatedAt = updatedAt;
    }

    public string Name { get; private set; } = "";
    public long Watermark { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public void Advance(long watermark, DateTime now)
    {
        Watermark = Math.Max(Watermark, watermark);
        UpdatedAt = now;
    }

    public void Reset(long watermark, DateTime now)
    {
        Watermark = watermark;
        UpdatedAt = now;
    }
}

/// <summary>
/// An id below the watermark that was not in the log when the projector passed it: on PostgreSQL a transaction can take
/// an id and commit after a later one. The projector looks for it in every batch until it arrives or
/// <see cref="ReachProjector.GapPatience"/> passes (the transaction rolled back).
/// </summary>
public sealed class ProjectionGap
{
    private ProjectionGap()
    {
    }

    public ProjectionGap(long id, DateTime seenAt)
    {
        Id = id;
        SeenAt = seenAt;
    }

    public long Id { get; private set; }
    public DateTime SeenAt { get; private set; }
}

internal sealed class ProjectionConfiguration : IEntityTypeConfiguration<ProjectionState>, IEntityTypeConfiguration<ProjectionGap>
{
    public void Configure(EntityTypeBuilder<ProjectionState> b)
    {
        b.ToTable("insights_projection");
        b.HasKey(s => s.Name);
        b.Property(s => s.Name).HasMaxLength(32);
        // The projector locks this row at the start of each batch, so projectors on several web nodes take turns.
        b.HasData(new ProjectionState(ProjectionState.Reach, 0, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc)));
    }

    public void Configure(EntityTypeBuilder<ProjectionGap> b)
    {
        b.ToTable("insights_projection_gap");
        b.HasKey(g => g.Id);
        b.Property(g => g.Id).ValueGeneratedNever();
    }
}
