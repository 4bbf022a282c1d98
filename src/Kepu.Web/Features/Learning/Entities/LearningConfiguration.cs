using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kepu.Web.Features.Learning.Entities;

internal sealed class CourseConfiguration : IEntityTypeConfiguration<Course>
{
    public void Configure(EntityTypeBuilder<Course> b)
    {
        b.ToTable("learning_course");
        b.HasKey(c => c.Id);
        b.Property(c => c.Key).HasMaxLength(64);
        b.HasIndex(c => c.Key).IsUnique();
        b.Property(c => c.Track).HasMaxLength(16).IsRequired();
        b.Property(c => c.Title).HasMaxLength(60).IsRequired();
        b.Property(c => c.Summary).HasMaxLength(300).IsRequired();
        b.Property(c => c.Topic).HasMaxLength(30).IsRequired();
    }
}

internal sealed class ChapterConfiguration : IEntityTypeConfiguration<Chapter>
{
    public void Configure(EntityTypeBuilder<Chapter> b)
    {
        b.ToTable("learning_chapter");
        b.HasKey(c => c.Id);
        b.Property(c => c.Title).HasMaxLength(60).IsRequired();
        b.HasOne<Course>().WithMany().HasForeignKey(c => c.CourseId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => new { c.CourseId, c.Number }).IsUnique();
    }
}

internal sealed class LessonConfiguration : IEntityTypeConfiguration<Lesson>
{
    public void Configure(EntityTypeBuilder<Lesson> b)
    {
        b.ToTable("learning_lesson");
        b.HasKey(l => l.Id);
        b.Property(l => l.Title).HasMaxLength(60).IsRequired();
        b.Property(l => l.Body).IsRequired();
        b.Property(l => l.BodyHtml).IsRequired();
        b.Property(l => l.MediaUrl).HasMaxLength(200);
        b.HasOne<Chapter>().WithMany().HasForeignKey(l => l.ChapterId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(l => new { l.CourseId, l.Number }).IsUnique();
    }
}

internal sealed class QuestionConfiguration : IEntityTypeConfiguration<Question>
{
    public void Configure(EntityTypeBuilder<Question> b)
    {
        b.ToTable("learning_question");
        b.HasKey(q => q.Id);
        b.Property(q => q.Key).HasMaxLength(64);
        b.HasIndex(q => q.Key).IsUnique();
        b.Property(q => q.Kind).HasMaxLength(16).IsRequired();
        b.Property(q => q.Stem).HasMaxLength(QuestionRules.MaxStem).IsRequired();
        b.Property(q => q.Explanation).HasMaxLength(1000).IsRequired();
        b.Property(q => q.Dimension).HasMaxLength(16).IsRequired();
        b.Property(q => q.Topic).HasMaxLength(30).IsRequired();
        b.HasOne<Lesson>().WithMany().HasForeignKey(q => q.LessonId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(q => new { q.Dimension, q.Difficulty });
    }
}

internal sealed class EnrollmentConfiguration : IEntityTypeConfiguration<Enrollment>
{
    public void Configure(EntityTypeBuilder<Enrollment> b)
    {
        b.ToTable("learning_enrollment");
        b.HasKey(e => e.Id);
        b.Property(e => e.UserId).HasMaxLength(450).IsRequired();
        b.Property(e => e.CertificateCode).HasMaxLength(16);
        b.HasOne<Course>().WithMany().HasForeignKey(e => e.CourseId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(e => new { e.UserId, e.CourseId }).IsUnique();
    }
}

internal sealed class LessonProgressConfiguration : IEntityTypeConfiguration<LessonProgress>
{
    public void Configure(EntityTypeBuilder<LessonProgress> b)
    {
        b.ToTable("learning_progress");
        b.HasKey(p => p.Id);
        b.Property(p => p.UserId).HasMaxLength(450).IsRequired();
        b.HasOne<Lesson>().WithMany().HasForeignKey(p => p.LessonId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(p => new { p.UserId, p.LessonId }).IsUnique();
        b.HasIndex(p => new { p.UserId, p.CourseId });
    }
}

internal sealed class PointRuleConfiguration : IEntityTypeConfiguration<PointRule>
{
    public void Configure(EntityTypeBuilder<PointRule> b)
    {
        b.ToTable("learning_point_rule");
        b.HasKey(r => r.Kind);
        b.Property(r => r.Kind).HasMaxLength(16);
        b.Property(r => r.Label).HasMaxLength(30).IsRequired();
    }
}

internal sealed class PointEventConfiguration : IEntityTypeConfiguration<PointEvent>
{
    public void Configure(EntityTypeBuilder<PointEvent> b)
    {
        b.ToTable("learning_point_event");
        b.HasKey(e => e.Id);
        b.Property(e => e.UserId).HasMaxLength(450).IsRequired();
        b.Property(e => e.Kind).HasMaxLength(16).IsRequired();
        b.Property(e => e.Reference).HasMaxLength(64);
        b.HasIndex(e => new { e.UserId, e.At });
    }
}

internal sealed class PointDayConfiguration : IEntityTypeConfiguration<PointDay>
{
    public void Configure(EntityTypeBuilder<PointDay> b)
    {
        b.ToTable("learning_point_day");
        b.HasKey(d => new { d.UserId, d.Day, d.Kind });
        b.Property(d => d.UserId).HasMaxLength(450);
        b.Property(d => d.Kind).HasMaxLength(16);
    }
}

internal sealed class LearnerConfiguration : IEntityTypeConfiguration<Learner>
{
    public void Configure(EntityTypeBuilder<Learner> b)
    {
        b.ToTable("learning_learner");
        b.HasKey(l => l.UserId);
        b.Property(l => l.UserId).HasMaxLength(450);
        b.Property(l => l.DistrictCode).HasMaxLength(6);

        // Leaderboards read the top of each board from these indexes (never the events).
        b.HasIndex(l => l.Total);
        b.HasIndex(l => new { l.DistrictCode, l.Total });
        b.HasIndex(l => new { l.OrganizationId, l.Total });
    }
}

internal sealed class MissedTopicConfiguration : IEntityTypeConfiguration<MissedTopic>
{
    public void Configure(EntityTypeBuilder<MissedTopic> b)
    {
        b.ToTable("learning_missed_topic");
        b.HasKey(m => new { m.UserId, m.Topic });
        b.Property(m => m.UserId).HasMaxLength(450);
        b.Property(m => m.Topic).HasMaxLength(30);
    }
}

internal sealed class LedgerEntryConfiguration : IEntityTypeConfiguration<LedgerEntry>
{
    public void Configure(EntityTypeBuilder<LedgerEntry> b)
    {
        b.ToTable("ledger_entry");
        b.HasKey(e => e.Sequence);
        b.Property(e => e.Sequence).ValueGeneratedNever();
        b.Property(e => e.Kind).HasMaxLength(16).IsRequired();
        b.Property(e => e.Subject).HasMaxLength(450).IsRequired();
        b.Property(e => e.Payload).IsRequired();
        b.Property(e => e.PreviousHash).HasMaxLength(64).IsRequired();
        b.Property(e => e.Hash).HasMaxLength(64).IsRequired();
        b.HasIndex(e => e.Subject);
    }
}

internal sealed class LedgerDigestConfiguration : IEntityTypeConfiguration<LedgerDigest>
{
    public void Configure(EntityTypeBuilder<LedgerDigest> b)
    {
        b.ToTable("ledger_digest");
        b.HasKey(d => d.Day);
        b.Property(d => d.Hash).HasMaxLength(64).IsRequired();
    }
}

internal sealed class CertificateConfiguration : IEntityTypeConfiguration<Certificate>
{
    public void Configure(EntityTypeBuilder<Certificate> b)
    {
        b.ToTable("learning_certificate");
        b.HasKey(c => c.Id);
        b.Property(c => c.Code).HasMaxLength(16).IsRequired();
        b.HasIndex(c => c.Code).IsUnique();
        b.Property(c => c.UserId).HasMaxLength(450).IsRequired();
        b.HasIndex(c => c.UserId);
        b.Property(c => c.HolderName).HasMaxLength(64).IsRequired();
        b.Property(c => c.Kind).HasMaxLength(16).IsRequired();
        b.Property(c => c.Title).HasMaxLength(100).IsRequired();
        b.Property(c => c.Detail).HasMaxLength(200);
    }
}

internal sealed class PracticeDayConfiguration : IEntityTypeConfiguration<PracticeDay>
{
    public void Configure(EntityTypeBuilder<PracticeDay> b)
    {
        b.ToTable("learning_practice_day");
        b.HasKey(p => new { p.UserId, p.Day });
        b.Property(p => p.UserId).HasMaxLength(450);
    }
}

internal sealed class ChallengeRunConfiguration : IEntityTypeConfiguration<ChallengeRun>
{
    public void Configure(EntityTypeBuilder<ChallengeRun> b)
    {
        b.ToTable("learning_challenge");
        b.HasKey(c => c.Id);
        b.Property(c => c.UserId).HasMaxLength(450).IsRequired();
        b.Property(c => c.EndReason).HasMaxLength(16);
        b.Ignore(c => c.Deadline);
        b.Ignore(c => c.Over);
        b.HasIndex(c => new { c.UserId, c.StartedAt });
    }
}

internal sealed class ExamConfiguration : IEntityTypeConfiguration<Exam>
{
    public void Configure(EntityTypeBuilder<Exam> b)
    {
        b.ToTable("learning_exam");
        b.HasKey(e => e.Id);
        b.Property(e => e.Title).HasMaxLength(60).IsRequired();
        b.Property(e => e.CreatedBy).HasMaxLength(450).IsRequired();
        b.OwnsMany(e => e.Blueprint, l => l.ToJson());
        b.Ignore(e => e.QuestionCount);
        b.HasIndex(e => e.OrganizationId);
    }
}

internal sealed class ExamAttemptConfiguration : IEntityTypeConfiguration<ExamAttempt>
{
    public void Configure(EntityTypeBuilder<ExamAttempt> b)
    {
        b.ToTable("learning_exam_attempt");
        b.HasKey(a => a.Id);
        b.Property(a => a.UserId).HasMaxLength(450).IsRequired();
        b.Property(a => a.CertificateCode).HasMaxLength(16);
        b.HasOne<Exam>().WithMany().HasForeignKey(a => a.ExamId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => new { a.ExamId, a.UserId }).IsUnique();
    }
}

internal sealed class StudyRequirementConfiguration : IEntityTypeConfiguration<StudyRequirement>
{
    public void Configure(EntityTypeBuilder<StudyRequirement> b)
    {
        b.ToTable("learning_requirement");
        b.HasKey(r => new { r.OrganizationId, r.Year });
    }
}
