using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kepu.Web.Features.Accounts.Entities;

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(32);
        b.Property(u => u.DistrictCode).HasMaxLength(6);
        b.Property(u => u.TownCode).HasMaxLength(12);
        b.Property(u => u.ManagedDistrictCode).HasMaxLength(6);
        b.Property(u => u.VerifiedBy).HasMaxLength(450);
        b.Property(u => u.Audiences);
        b.Property(u => u.Interests);
        b.HasIndex(u => u.DistrictCode);
        b.Ignore(u => u.IsDeleted);
    }
}

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> b)
    {
        b.ToTable("accounts_organization");
        b.HasKey(o => o.Id);
        b.Property(o => o.Name).HasMaxLength(64).IsRequired();
        b.Property(o => o.Kind).HasMaxLength(16).IsRequired();
        b.Property(o => o.DistrictCode).HasMaxLength(6);
        b.HasIndex(o => o.Name).IsUnique();
        b.HasMany(o => o.Members).WithOne().HasForeignKey(m => m.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OrganizationMemberConfiguration : IEntityTypeConfiguration<OrganizationMember>
{
    public void Configure(EntityTypeBuilder<OrganizationMember> b)
    {
        b.ToTable("accounts_organization_member");
        b.HasKey(m => new { m.OrganizationId, m.UserId });
        b.HasOne<AppUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(m => m.UserId);
    }
}

internal sealed class PrivacyConsentConfiguration : IEntityTypeConfiguration<PrivacyConsent>
{
    public void Configure(EntityTypeBuilder<PrivacyConsent> b)
    {
        b.ToTable("accounts_privacy_consent");
        b.HasKey(c => c.Id);
        b.Property(c => c.UserId).HasMaxLength(450).IsRequired();
        b.Property(c => c.Version).HasMaxLength(16).IsRequired();
        b.Property(c => c.Channel).HasMaxLength(8).IsRequired();
        b.HasOne<AppUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => c.UserId);
    }
}
