using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kepu.Web.Features.Contests.Entities;

internal sealed class ContestCallConfiguration : IEntityTypeConfiguration<ContestCall>
{
    public void Configure(EntityTypeBuilder<ContestCall> b)
    {
        b.ToTable("contests_call");
        b.HasKey(c => c.Id);
        b.Property(c => c.Kind).HasMaxLength(16).IsRequired();
        b.Property(c => c.Title).HasMaxLength(100).IsRequired();
        b.Property(c => c.Summary).HasMaxLength(4000).IsRequired();
        b.Property(c => c.Organizer).HasMaxLength(100).IsRequired();
        b.Property(c => c.Licence).HasMaxLength(40).IsRequired();
        b.Property(c => c.Stage).HasMaxLength(16).IsRequired();
        b.Property(c => c.CreatedBy).HasMaxLength(450).IsRequired();
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasMany(c => c.Phases).WithOne().HasForeignKey(p => p.CallId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Criteria).WithOne().HasForeignKey(p => p.CallId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Awards).WithOne().HasForeignKey(p => p.CallId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(c => c.Phases).AutoInclude();
        b.Navigation(c => c.Criteria).AutoInclude();
        b.Navigation(c => c.Awards).AutoInclude();
        b.HasIndex(c => new { c.Stage, c.CreatedAt });
    }
}

internal sealed class ContestPhaseConfiguration : IEntityTypeConfiguration<ContestPhase>
{
    public void Configure(EntityTypeBuilder<ContestPhase> b)
    {
        b.ToTable("contests_phase");
        b.Property(p => p.Code).HasMaxLength(16).IsRequired();
        b.HasIndex(p => new { p.CallId, p.Code }).IsUnique();
    }
}

internal sealed class ContestCriterionConfiguration : IEntityTypeConfiguration<ContestCriterion>
{
    public void Configure(EntityTypeBuilder<ContestCriterion> b)
    {
        b.ToTable("contests_criterion");
        b.Property(p => p.Name).HasMaxLength(40).IsRequired();
        b.Property(p => p.Guidance).HasMaxLength(200).IsRequired();
        b.HasIndex(p => new { p.CallId, p.Position }).IsUnique();
    }
}

internal sealed class ContestAwardConfiguration : IEntityTypeConfiguration<ContestAward>
{
    public void Configure(EntityTypeBuilder<ContestAward> b)
    {
        b.ToTable("contests_award");
        b.Property(p => p.Name).HasMaxLength(40).IsRequired();
        b.HasIndex(p => new { p.CallId, p.Position }).IsUnique();
    }
}

internal sealed class ContestEntryConfiguration : IEntityTypeConfiguration<ContestEntry>
{
    public void Configure(EntityTypeBuilder<ContestEntry> b)
    {
        b.ToTable("contests_entry");
        b.HasKey(e => e.Id);
        b.HasOne<ContestCall>().WithMany().HasForeignKey(e => e.CallId).OnDelete(DeleteBehavior.Cascade);
        b.Property(e => e.ReceiptNo).HasMaxLength(20).IsRequired();
        b.Property(e => e.SubmitterId).HasMaxLength(450).IsRequired();
        b.Property(e => e.EntrantKind).HasMaxLength(16).IsRequired();
        b.Property(e => e.EntrantName).HasMaxLength(100).IsRequired();
        b.Property(e => e.Title).HasMaxLength(100).IsRequired();
        b.Property(e => e.Category).HasMaxLength(40).IsRequired();
        b.Property(e => e.Description).HasMaxLength(4000).IsRequired();
        b.Property(e => e.Status).HasMaxLength(16).IsRequired();
        b.Property(e => e.Version).IsConcurrencyToken();
        b.HasMany(e => e.Authors).WithOne().HasForeignKey(a => a.EntryId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(e => e.Files).WithOne().HasForeignKey(a => a.EntryId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(e => e.Authors).AutoInclude();
        b.Navigation(e => e.Files).AutoInclude();
        b.HasIndex(e => e.ReceiptNo).IsUnique();
        b.HasIndex(e => new { e.CallId, e.Status });
        b.HasIndex(e => new { e.SubmitterId, e.SubmittedAt });
    }
}

internal sealed class EntryAuthorConfiguration : IEntityTypeConfiguration<EntryAuthor>
{
    public void Configure(EntityTypeBuilder<EntryAuthor> b)
    {
        b.ToTable("contests_entry_author");
        b.Property(a => a.Name).HasMaxLength(50).IsRequired();
        b.Property(a => a.UserId).HasMaxLength(450);
        b.Property(a => a.Organization).HasMaxLength(100);
        b.HasIndex(a => a.UserId);
    }
}

internal sealed class EntryFileConfiguration : IEntityTypeConfiguration<EntryFile>
{
    public void Configure(EntityTypeBuilder<EntryFile> b)
    {
        b.ToTable("contests_entry_file");
        b.Property(a => a.Url).HasMaxLength(200).IsRequired();
        b.Property(a => a.ContentType).HasMaxLength(40).IsRequired();
        b.Property(a => a.Name).HasMaxLength(100).IsRequired();
    }
}

internal sealed class ReviewRoundConfiguration : IEntityTypeConfiguration<ReviewRound>
{
    public void Configure(EntityTypeBuilder<ReviewRound> b)
    {
        b.ToTable("contests_round");
        b.HasOne<ContestCall>().WithMany().HasForeignKey(r => r.CallId).OnDelete(DeleteBehavior.Cascade);
        b.Property(r => r.Status).HasMaxLength(16).IsRequired();
        b.Property(r => r.OpenedBy).HasMaxLength(450).IsRequired();
        b.HasMany(r => r.Panel).WithOne().HasForeignKey(p => p.RoundId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(r => r.Panel).AutoInclude();
        b.HasIndex(r => new { r.CallId, r.Number }).IsUnique();
    }
}

internal sealed class PanelistConfiguration : IEntityTypeConfiguration<Panelist>
{
    public void Configure(EntityTypeBuilder<Panelist> b)
    {
        b.ToTable("contests_panelist");
        b.Property(p => p.ReviewerId).HasMaxLength(450).IsRequired();
        b.HasIndex(p => new { p.RoundId, p.ReviewerId }).IsUnique();
        b.HasIndex(p => p.ReviewerId);
    }
}

internal sealed class DeclaredConflictConfiguration : IEntityTypeConfiguration<DeclaredConflict>
{
    public void Configure(EntityTypeBuilder<DeclaredConflict> b)
    {
        b.ToTable("contests_declared_conflict");
        b.HasOne<ContestCall>().WithMany().HasForeignKey(d => d.CallId).OnDelete(DeleteBehavior.Cascade);
        b.Property(d => d.ReviewerId).HasMaxLength(450).IsRequired();
        b.Property(d => d.Name).HasMaxLength(100).IsRequired();
        b.HasIndex(d => new { d.CallId, d.ReviewerId, d.Name }).IsUnique();
    }
}

internal sealed class EntryReviewConfiguration : IEntityTypeConfiguration<EntryReview>
{
    public void Configure(EntityTypeBuilder<EntryReview> b)
    {
        b.ToTable("contests_review");
        b.HasOne<ReviewRound>().WithMany().HasForeignKey(a => a.RoundId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ContestEntry>().WithMany().HasForeignKey(a => a.EntryId).OnDelete(DeleteBehavior.Cascade);
        b.Property(a => a.ReviewerId).HasMaxLength(450).IsRequired();
        b.Property(a => a.Status).HasMaxLength(16).IsRequired();
        b.Property(a => a.Total).HasPrecision(6, 2);
        b.Property(a => a.Comment).HasMaxLength(EntryReview.MaxComment).IsRequired();
        b.Property(a => a.RecusalReason).HasMaxLength(200);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasMany(a => a.Scores).WithOne().HasForeignKey(s => s.AssignmentId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(a => a.Scores).AutoInclude();
        b.HasIndex(a => new { a.RoundId, a.EntryId, a.ReviewerId }).IsUnique();
        b.HasIndex(a => new { a.ReviewerId, a.Status });
    }
}

internal sealed class CriterionScoreConfiguration : IEntityTypeConfiguration<CriterionScore>
{
    public void Configure(EntityTypeBuilder<CriterionScore> b)
    {
        b.ToTable("contests_score");
        b.HasIndex(s => new { s.AssignmentId, s.CriterionId }).IsUnique();
    }
}

internal sealed class RoundScoreConfiguration : IEntityTypeConfiguration<RoundScore>
{
    public void Configure(EntityTypeBuilder<RoundScore> b)
    {
        b.ToTable("contests_round_score");
        b.HasOne<ReviewRound>().WithMany().HasForeignKey(s => s.RoundId).OnDelete(DeleteBehavior.Cascade);
        b.Property(s => s.RawMean).HasPrecision(6, 2);
        b.Property(s => s.TieBreak).HasMaxLength(100);
        b.HasIndex(s => new { s.RoundId, s.EntryId }).IsUnique();
    }
}

internal sealed class ContestResultConfiguration : IEntityTypeConfiguration<ContestResult>
{
    public void Configure(EntityTypeBuilder<ContestResult> b)
    {
        b.ToTable("contests_result");
        b.HasOne<ContestCall>().WithMany().HasForeignKey(s => s.CallId).OnDelete(DeleteBehavior.Cascade);
        b.Property(s => s.TieBreak).HasMaxLength(100);
        b.Property(s => s.CertificateCode).HasMaxLength(20);
        b.HasIndex(s => new { s.CallId, s.EntryId }).IsUnique();
        b.HasIndex(s => new { s.CallId, s.Rank });
    }
}

internal sealed class ObjectionConfiguration : IEntityTypeConfiguration<Objection>
{
    public void Configure(EntityTypeBuilder<Objection> b)
    {
        b.ToTable("contests_objection");
        b.HasOne<ContestCall>().WithMany().HasForeignKey(s => s.CallId).OnDelete(DeleteBehavior.Cascade);
        b.Property(o => o.FiledBy).HasMaxLength(450).IsRequired();
        b.Property(o => o.Text).HasMaxLength(Objection.MaxText).IsRequired();
        b.Property(o => o.Answer).HasMaxLength(Objection.MaxText);
        b.Property(o => o.AnsweredBy).HasMaxLength(450);
        b.Property(o => o.Version).IsConcurrencyToken();
        b.HasIndex(o => new { o.CallId, o.FiledAt });
    }
}

internal sealed class ContestVoteConfiguration : IEntityTypeConfiguration<ContestVote>
{
    public void Configure(EntityTypeBuilder<ContestVote> b)
    {
        b.ToTable("contests_vote");
        b.HasOne<ContestEntry>().WithMany().HasForeignKey(v => v.EntryId).OnDelete(DeleteBehavior.Cascade);
        b.Property(v => v.UserId).HasMaxLength(450).IsRequired();
        b.Property(v => v.Network).HasMaxLength(64).IsRequired();
        b.Property(v => v.FlagReason).HasMaxLength(100);
        b.HasIndex(v => new { v.EntryId, v.UserId, v.Day }).IsUnique();
        b.HasIndex(v => new { v.CallId, v.At });
        b.HasIndex(v => new { v.UserId, v.At });
    }
}

internal sealed class ContestAuditConfiguration : IEntityTypeConfiguration<ContestAudit>
{
    public void Configure(EntityTypeBuilder<ContestAudit> b)
    {
        b.ToTable("contests_audit");
        b.HasOne<ContestCall>().WithMany().HasForeignKey(a => a.CallId).OnDelete(DeleteBehavior.Cascade);
        b.Property(a => a.ActorId).HasMaxLength(450).IsRequired();
        b.Property(a => a.Action).HasMaxLength(40).IsRequired();
        b.Property(a => a.Detail).HasMaxLength(1000).IsRequired();
        b.HasIndex(a => new { a.CallId, a.At });
    }
}
