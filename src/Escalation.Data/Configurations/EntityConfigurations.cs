using Escalation.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Escalation.Data.Configurations;

internal sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> builder)
    {
        builder.ToTable("agencies");
        builder.Property(a => a.Name).HasMaxLength(200);
        builder.HasIndex(a => a.Name).IsUnique();
    }
}

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.HasOne<Agency>().WithMany().HasForeignKey(p => p.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(p => p.ManagerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.AgencyId);
    }
}

internal sealed class EscalationConfiguration : IEntityTypeConfiguration<EscalationRecord>
{
    public void Configure(EntityTypeBuilder<EscalationRecord> builder)
    {
        builder.ToTable("escalations");
        builder.HasIndex(e => e.Reference).IsUnique();
        builder.Property(e => e.Reference).HasMaxLength(20);
        builder.Property(e => e.PolicyId).HasMaxLength(100);
        builder.Property(e => e.ChildReference).HasMaxLength(100);
        builder.Property(e => e.Category).HasMaxLength(100);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasOne<Person>().WithMany().HasForeignKey(e => e.RaisedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(e => e.RespondentId).OnDelete(DeleteBehavior.Restrict);
        // The decision assessment an escalation follows from; assessments are permanent, so the link never dangles.
        builder.HasOne<Assessment>().WithMany().HasForeignKey(e => e.AssessmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => e.RaisedAt);
        builder.HasIndex(e => new { e.Status, e.StageDueAt });
    }
}

internal sealed class StageRecordConfiguration : IEntityTypeConfiguration<StageRecord>
{
    public void Configure(EntityTypeBuilder<StageRecord> builder)
    {
        builder.ToTable("stage_records");
        builder.HasOne<EscalationRecord>().WithMany().HasForeignKey(s => s.EscalationId);
        // An escalation only ever moves up, so it enters each stage at most once.
        builder.HasIndex(s => new { s.EscalationId, s.Stage }).IsUnique();
    }
}

internal sealed class HistoryConfiguration : IEntityTypeConfiguration<HistoryRecord>
{
    public void Configure(EntityTypeBuilder<HistoryRecord> builder)
    {
        builder.ToTable("history");
        builder.HasOne<EscalationRecord>().WithMany().HasForeignKey(h => h.EscalationId);
        builder.HasIndex(h => h.EscalationId);
    }
}

internal sealed class TimerConfiguration : IEntityTypeConfiguration<TimerRecord>
{
    public void Configure(EntityTypeBuilder<TimerRecord> builder)
    {
        builder.ToTable("timers");
        builder.HasOne<EscalationRecord>().WithMany().HasForeignKey(t => t.EscalationId);
        builder.HasOne<Assessment>().WithMany().HasForeignKey(t => t.AssessmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => new { t.State, t.DueAt });
        // Each subject's timers are set once (empty subject columns never clash): one reminder and one deadline per
        // stage, so a move replayed after a crash cannot set a second; one review per assessment; one report a quarter,
        // so two copies of the service scheduling the same quarter make one row.
        builder.HasIndex(t => new { t.EscalationId, t.Kind, t.Stage }).IsUnique();
        builder.HasIndex(t => new { t.AssessmentId, t.Kind }).IsUnique();
        builder.HasIndex(t => new { t.Kind, t.PeriodFrom }).IsUnique();
        builder.Property(t => t.LeaseOwner).HasMaxLength(100);
    }
}

internal sealed class OutboxConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("outbox");
        builder.HasIndex(o => o.MessageId).IsUnique();
        builder.HasIndex(o => new { o.State, o.NextAttemptAt });
        builder.HasIndex(o => o.EscalationId);
        builder.Property(o => o.MessageId).HasMaxLength(200);
        builder.Property(o => o.TemplateKey).HasMaxLength(60);
        builder.Property(o => o.RecipientEmail).HasMaxLength(256);
        builder.Property(o => o.RecipientAudience).HasMaxLength(40);
        builder.Property(o => o.LeaseOwner).HasMaxLength(100);
    }
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> builder)
    {
        builder.ToTable("invitations");
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.Property(i => i.TokenHash).HasMaxLength(64);
        builder.HasOne<Person>().WithMany().HasForeignKey(i => i.PersonId);
    }
}
