using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kepu.Web.Infrastructure.Outbox;

/// <summary>
/// One row per write that projections (the search index of each web node) must apply. Appended in the
/// same transaction as the write itself, so a projection never misses a change.
/// </summary>
public sealed class OutboxMessage
{
    private OutboxMessage()
    {
    }

    public OutboxMessage(string stream, string entityId, string operation, DateTime createdAt)
    {
        Stream = stream;
        EntityId = entityId;
        Operation = operation;
        CreatedAt = createdAt;
    }

    public long Id { get; private set; }

    /// <summary>What changed, e.g. <c>content</c>.</summary>
    public string Stream { get; private set; } = "";
    public string EntityId { get; private set; } = "";

    /// <summary><c>upsert</c> or <c>delete</c>.</summary>
    public string Operation { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("infra_outbox");
        b.HasKey(m => m.Id);
        b.Property(m => m.Stream).HasMaxLength(32).IsRequired();
        b.Property(m => m.EntityId).HasMaxLength(64).IsRequired();
        b.Property(m => m.Operation).HasMaxLength(16).IsRequired();
        b.HasIndex(m => new { m.Stream, m.Id });
    }
}
