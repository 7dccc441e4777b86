using Escalation.Core.Engine;
using Escalation.Core.Policies;
using Escalation.Data.Entities;
using Escalation.Data.Sql;
using Escalation.Data.Timers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Escalation.Data.Engine;

/// <summary>
/// Drives the engine for people: raise an escalation, and make moves on it. Each call reads the state, asks the
/// transition table, and writes every effect in one transaction, or nothing.
/// </summary>
public sealed class EscalationService(
    EscalationDbContext db, PolicyCatalog catalog, TimeProvider clock, SqlDialect sql, EngineSettings settings, DispatcherSignal signal)
{
    public async Task<ServiceResult<EscalationRecord>> RaiseAsync(Guid raiserId, RaiseRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ImmediateRiskNotReferred)
            return ServiceResult.Fail<EscalationRecord>(ServiceStatus.ImmediateRisk);

        var policy = catalog.Current(PolicyCatalog.DefaultPolicyId)
            ?? throw new InvalidOperationException($"No '{PolicyCatalog.DefaultPolicyId}' policy is loaded.");
        var now = clock.GetUtcNow();
        var errors = RaiseRequestValidator.Validate(request, policy, catalog.Calendar.LocalDate(now), raiserId);
        if (errors.Count > 0)
            return ServiceResult.Invalid<EscalationRecord>(errors);

        // The directory is read before the write transaction begins, so that the transaction (on SQLite, the file's one
        // writer) lasts only as long as the inserts.
        var directory = await DirectorySnapshot.LoadAsync(db, ct);
        var raiser = directory.Find(raiserId);
        var respondent = directory.Find(request.RespondentId!.Value);
        if (raiser is null)
            return ServiceResult.Fail<EscalationRecord>(ServiceStatus.NotFound);
        if (respondent is null)
            return ServiceResult.Invalid<EscalationRecord>("respondentId", "No professional with this id is in the directory");

        var id = Guid.CreateVersion7(now);
        var actor = new Actor(raiserId, Relations.Of(raiser, raiser, respondent));
        var move = new Raise(id, request.ParsedTrack, request.StartAtStage ?? policy.FirstStage, Trimmed(request.StartAtStageReason));
        var result = catalog.Table(policy.Id, policy.Version).Apply(null, move, actor, now);
        if (!result.IsAllowed)
            return ServiceResult.Rejected<EscalationRecord>(result.Rejection!);

        var transition = result.Transition!;
        var record = NewRecord(transition.State, request, raiser, respondent, now);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Escalations.Add(record);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        await WriteEffectsAsync(transaction, transition, record, directory, policy, now, ct);
        await transaction.CommitAsync(ct);
        signal.Poke();
        return ServiceResult.Ok(record);
    }

    /// <summary>
    /// Makes a person's move. <paramref name="expectedVersion"/> is the <c>If-Match</c> version, if the caller sent one.
    /// </summary>
    public async Task<ServiceResult<EscalationRecord>> MoveAsync(Guid escalationId, Guid actorId, Move move,
        int? expectedVersion = null, OutcomeDetails? outcome = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(move);
        // Read before the write transaction, to keep it short; the escalation itself is read inside it.
        var directory = await DirectorySnapshot.LoadAsync(db, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var record = await db.Escalations.AsNoTracking().FirstOrDefaultAsync(e => e.Id == escalationId, ct);
        if (record is null)
            return ServiceResult.Fail<EscalationRecord>(ServiceStatus.NotFound);

        var table = catalog.Table(record.PolicyId, record.PolicyVersion);
        var relation = RelationOf(directory, actorId, record);
        if (!Relations.CanSee(relation, table.Policy, record.HighestStage))
            return ServiceResult.Fail<EscalationRecord>(ServiceStatus.NotFound);
        if (expectedVersion is { } version && version != record.Version)
            return ServiceResult.Fail<EscalationRecord>(ServiceStatus.VersionMismatch);

        var now = clock.GetUtcNow();
        var result = table.Apply(record.ToState(), move, new Actor(actorId, relation), now);
        if (!result.IsAllowed)
            return ServiceResult.Rejected<EscalationRecord>(result.Rejection!);

        var transition = result.Transition!;
        await using var writer = Writer(transaction);
        if (!await writer.UpdateEscalationAsync(record.ToState(), transition.State, now, ct))
            return ServiceResult.Fail<EscalationRecord>(ServiceStatus.Conflict);
        if (move is Resolve resolve)
        {
            await RecordOutcomeAsync(escalationId, resolve, outcome, ct);
        }

        await writer.WriteEffectsAsync(transition, record.RaisedById, record.RespondentId, settings.RecipientsFor(table.Policy, directory), now, ct);
        await transaction.CommitAsync(ct);
        signal.Poke();
        return ServiceResult.Ok(await db.Escalations.AsNoTracking().FirstAsync(e => e.Id == escalationId, ct));
    }

    /// <summary>How a person stands to an escalation; <see cref="Relation.None"/> if they are not in the directory.</summary>
    internal static Relation RelationOf(IDirectoryView directory, Guid personId, EscalationRecord record) =>
        directory.Find(personId) is { } person && directory.Find(record.RaisedById) is { } raiser && directory.Find(record.RespondentId) is { } respondent
            ? Relations.Of(person, raiser, respondent)
            : Relation.None;

    private async Task RecordOutcomeAsync(Guid id, Resolve resolve, OutcomeDetails? outcome, CancellationToken ct) =>
        await db.Escalations.Where(e => e.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(e => e.OutcomeKind, resolve.Outcome)
            .SetProperty(e => e.OutcomeStatement, resolve.Statement.Trim())
            .SetProperty(e => e.OutcomeActions, outcome == null ? null : string.Join('\n', outcome.Actions.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim())))
            .SetProperty(e => e.OutcomeLearning, outcome == null ? null : Trimmed(outcome.Learning))
            .SetProperty(e => e.OutcomeGoodPractice, outcome == null ? null : Trimmed(outcome.GoodPractice)), ct);

    private async Task WriteEffectsAsync(IDbContextTransaction transaction, Transition transition, EscalationRecord record,
        DirectorySnapshot directory, PolicyDefinition policy, DateTimeOffset now, CancellationToken ct)
    {
        await using var writer = Writer(transaction);
        await writer.WriteEffectsAsync(transition, record.RaisedById, record.RespondentId, settings.RecipientsFor(policy, directory), now, ct);
    }

    private TransitionWriter Writer(IDbContextTransaction transaction) =>
        new(db.Database.GetDbConnection(), transaction.GetDbTransaction(), sql, settings.MessageIdDomain);

    private static EscalationRecord NewRecord(EscalationState state, RaiseRequest request, DirectoryPerson raiser, DirectoryPerson respondent,
        DateTimeOffset now) => new()
    {
        Id = state.Id,
        Reference = References.For(state.Id),
        PolicyId = state.PolicyId,
        PolicyVersion = state.PolicyVersion,
        Track = state.Track,
        Status = state.Status,
        Stage = state.Stage,
        HighestStage = state.HighestStage,
        StageStartedAt = state.StageStartedAt,
        StageDueAt = state.StageDueAt,
        RaisedAt = now,
        ChildReference = request.ChildReference!.Trim(),
        ChildAgeYears = request.ChildAgeYears,
        Category = request.Category!,
        LevelOfNeed = request.LevelOfNeed!.Value,
        RaisedById = raiser.Id,
        RespondentId = respondent.Id,
        RaisingAgencyId = raiser.AgencyId,
        ReceivingAgencyId = respondent.AgencyId,
        DecisionChallenged = request.DecisionChallenged!.Trim(),
        DecisionDate = request.DecisionDate!.Value,
        Concern = request.Concern!.Trim(),
        DesiredOutcome = request.DesiredOutcome!.Trim(),
        StartAtStageReason = Trimmed(request.StartAtStageReason),
        UrgentReason = Trimmed(request.UrgentReason),
        AssessmentId = request.AssessmentId,
        Version = state.Version,
    };

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
