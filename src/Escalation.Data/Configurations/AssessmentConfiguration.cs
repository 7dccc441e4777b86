using Escalation.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Escalation.Data.Configurations;

internal sealed class AssessmentConfiguration : IEntityTypeConfiguration<Assessment>
{
    public void Configure(EntityTypeBuilder<Assessment> builder)
    {
        builder.ToTable("assessments");
        builder.Property(a => a.DefinitionId).HasMaxLength(100);
        builder.Property(a => a.ChildReference).HasMaxLength(100);
        builder.Property(a => a.AgeBand).HasMaxLength(40);
        builder.Property(a => a.Rule).HasMaxLength(100);
        builder.Property(a => a.Consulted).HasMaxLength(200);
        builder.HasOne<Person>().WithMany().HasForeignKey(a => a.AssessedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(a => a.ApproverId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agency>().WithMany().HasForeignKey(a => a.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.AssessedById);
        builder.HasIndex(a => a.ChildReference);
        // The board report counts assessments by the period they were made in.
        builder.HasIndex(a => a.CreatedAt);
    }
}

internal sealed class AssessmentApprovalConfiguration : IEntityTypeConfiguration<AssessmentApproval>
{
    public void Configure(EntityTypeBuilder<AssessmentApproval> builder)
    {
        builder.ToTable("assessment_approvals");
        // One approval per assessment: the key is the assessment's.
        builder.HasKey(a => a.AssessmentId);
        builder.HasOne<Assessment>().WithOne().HasForeignKey<AssessmentApproval>(a => a.AssessmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(a => a.ApproverId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(a => a.Note).HasMaxLength(Core.Decisions.ApprovalCheck.NoteMax);
        // "Waiting for my approval".
        builder.HasIndex(a => new { a.ApproverId, a.Status });
    }
}
