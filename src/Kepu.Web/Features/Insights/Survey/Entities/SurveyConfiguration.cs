using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kepu.Web.Features.Insights.Survey.Entities;

internal sealed class SurveyWaveConfiguration : IEntityTypeConfiguration<SurveyWave>
{
    public void Configure(EntityTypeBuilder<SurveyWave> b)
    {
        b.ToTable("insights_survey_wave");
        b.Property(w => w.Title).HasMaxLength(100).IsRequired();
        b.Property(w => w.Status).HasMaxLength(16).IsRequired();
        b.HasMany(w => w.Quotas).WithOne().HasForeignKey(q => q.WaveId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(w => w.Margins).WithOne().HasForeignKey(q => q.WaveId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(w => w.Quotas).AutoInclude();
        b.Navigation(w => w.Margins).AutoInclude();
        b.HasIndex(w => w.Year);
    }
}

internal sealed class QuotaCellConfiguration : IEntityTypeConfiguration<QuotaCell>
{
    public void Configure(EntityTypeBuilder<QuotaCell> b)
    {
        b.ToTable("insights_survey_quota");
        b.Property(q => q.District).HasMaxLength(6).IsRequired();
        b.Property(q => q.Urban).HasMaxLength(8).IsRequired();
        b.HasIndex(q => new { q.WaveId, q.District, q.Urban }).IsUnique();
    }
}

internal sealed class PopulationMarginConfiguration : IEntityTypeConfiguration<PopulationMargin>
{
    public void Configure(EntityTypeBuilder<PopulationMargin> b)
    {
        b.ToTable("insights_survey_margin");
        b.Property(m => m.Variable).HasMaxLength(16).IsRequired();
        b.Property(m => m.Level).HasMaxLength(16).IsRequired();
        b.HasIndex(m => new { m.WaveId, m.Variable, m.Level }).IsUnique();
    }
}

internal sealed class SurveyResponseConfiguration : IEntityTypeConfiguration<SurveyResponse>
{
    public void Configure(EntityTypeBuilder<SurveyResponse> b)
    {
        b.ToTable("insights_survey_response");
        b.HasOne<SurveyWave>().WithMany().HasForeignKey(r => r.WaveId).OnDelete(DeleteBehavior.Cascade);
        b.Property(r => r.Source).HasMaxLength(8).IsRequired();
        b.Property(r => r.RespondentKey).HasMaxLength(450).IsRequired();
        b.Property(r => r.District).HasMaxLength(6).IsRequired();
        b.Property(r => r.Urban).HasMaxLength(8).IsRequired();
        b.Property(r => r.Sex).HasMaxLength(8).IsRequired();
        b.Property(r => r.AgeGroup).HasMaxLength(8).IsRequired();
        b.Property(r => r.Education).HasMaxLength(8).IsRequired();
        b.Property(r => r.Audience).HasMaxLength(16);
        b.HasIndex(r => new { r.WaveId, r.RespondentKey }).IsUnique();
        b.HasIndex(r => new { r.WaveId, r.District, r.Urban });
    }
}
