using Escalation.Core.Engine;
using Escalation.Core.Policies;

namespace Escalation.Data.Entities;

/// <summary>One escalation: the engine's state plus what the practitioner recorded and how it ended.</summary>
public sealed class EscalationRecord
{
    public Guid Id { get; set; }

    public required string Reference { get; set; }

    public required string PolicyId { get; set; }

    public int PolicyVersion { get; set; }

    public Track Track { get; set; }

    public EscalationStatus Status { get; set; }

    public int Stage { get; set; }

    public int HighestStage { get; set; }

    public DateTimeOffset StageStartedAt { get; set; }

    public DateTimeOffset StageDueAt { get; set; }

    public DateTimeOffset RaisedAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public required string ChildReference { get; set; }

    public int? ChildAgeYears { get; set; }

    public required string Category { get; set; }

    public int LevelOfNeed { get; set; }

    public Guid RaisedById { get; set; }

    public Guid RespondentId { get; set; }

    /// <summary>The raiser's agency when raised, kept so reports do not shift when people move.</summary>
    public Guid RaisingAgencyId { get; set; }

    public Guid ReceivingAgencyId { get; set; }

    public required string DecisionChallenged { get; set; }

    public DateOnly DecisionDate { get; set; }

    public required string Concern { get; set; }

    public required string DesiredOutcome { get; set; }

    public string? StartAtStageReason { get; set; }

    public string? UrgentReason { get; set; }

    /// <summary>The sexual-activity decision assessment this escalation follows from, if any.</summary>
    public Guid? AssessmentId { get; set; }

    public OutcomeKind? OutcomeKind { get; set; }

    public string? OutcomeStatement { get; set; }

    /// <summary>The agreed actions, one per line.</summary>
    public string? OutcomeActions { get; set; }

    public string? OutcomeLearning { get; set; }

    public string? OutcomeGoodPractice { get; set; }

    /// <summary>Optimistic concurrency: every move increments it, and a stale write fails.</summary>
    public int Version { get; set; }

    public EscalationState ToState() => new(
        Id, PolicyId, PolicyVersion, Track, Status, Stage, HighestStage, StageStartedAt, StageDueAt, Version);
}
