using Escalation.Core.Engine;
using Escalation.Core.Policies;
using Escalation.Data;
using Escalation.Data.Engine;
using Escalation.Data.Entities;
using Escalation.Data.Sql;
using Escalation.Data.Writes;
using Escalation.Services.Timers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace Escalation.Services.Escalations;

/// <summary>
/// Drives the engine for people: raise an escalation, and make moves on it. Each call reads the state, asks the
/// transition table, and writes every effect in one transaction, or nothing.
/// </summary>
public sealed class EscalationService(
    EscalationDbContext db, PolicyCatalog catalog, TimeProvider clock, SqlDialect sql, EngineSettings settings, WakeSignal signal,
    IOptions<DispatcherOptions> dispatcher, DatabaseWrites writes, DirectoryCache directoryCache)
{
    public async Task<ServiceResult<EscalationRecord>> RaiseAsync(Guid raiserId, RaiseRequest request, CancellationToken ct = default)
    {
        var result = await RaiseAndKeepAsync(raiserId, request, ct);
        return new ServiceResult<EscalationRecord>(result.Status, result.Value?.Record, result.Rejection, result.Errors);
    }

    /// <summary>
    /// As <see cref="RaiseAsync"/>, also giving back the history written and the directory read, so that the caller can
    /// show the new escalation without reading it back.
    /// </summary>
    public async Task<ServiceResult<RaisedEscalation>> RaiseAndKeepAsync(Guid raiserId, RaiseRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ImmediateRiskNotReferred)
            return ServiceResult.Fail<RaisedEscalation>(ServiceStatus.ImmediateRisk);

        var policy = catalog.Current(PolicyCatalog.DefaultPolicyId)
            ?? throw new InvalidOperationException($"No '{PolicyCatalog.DefaultPolicyId}' policy is loaded.");
        var now = clock.GetUtcNow();
        var errors = RaiseRequestValidator.Validate(request, policy, catalog.Calendar.LocalDate(now), raiserId);
        if (errors.Count > 0)
            return ServiceResult.Invalid<RaisedEscalation>(errors);

        // The directory is read before the write transaction begins, so that the transaction (on SQLite, the file's one
        // writer) lasts only as long as the writes.
        var directory = await directoryCache.ReadAsync(db, ct);
        var raiser = directory.Find(raiserId);
        var respondent = directory.Find(request.RespondentId!.Value);
        if (raiser is null)
            return ServiceResult.Fail<RaisedEscalation>(ServiceStatus.NotFound);
        var fault = RespondentRule.Check(raiser, respondent);
        if (fault != RespondentFault.None || respondent is null)
            return ServiceResult.Invalid<RaisedEscalation>(RespondentRule.Field, RespondentRule.ForRaiser(fault));

        var id = Guid.CreateVersion7(now);
        var actor = new Actor(raiserId, Relations.Of(raiser, raiser, respondent));
        var move = new Raise(id, request.ParsedTrack, request.StartAtStage ?? policy.FirstStage, Trimmed(request.StartAtStageReason));
        var result = catalog.Table(policy.Id, policy.Version).Apply(null, move, actor, now);
        if (!result.IsAllowed)
            return ServiceResult.Rejected<RaisedEscalation>(result.Rejection!);

        var transition = result.Transition!;
        var record = NewRecord(transition.State, request, raiser, respondent, now);
        await using (var transaction = await writes.BeginAsync(db, ct))
        {
            db.Escalations.Add(record);
            await db.SaveChangesAsync(ct);
            await using (var writer = Writer(transaction))
                await writer.WriteEffectsAsync(transition, raiser.Id, respondent.Id, settings.RecipientsFor(policy, directory), now, ct);
            await transaction.CommitAsync(ct);
        }

        PokeIfSoon(transition, now);
        var history = transition.History.Select(h => new HistoryRecord
        {
            EscalationId = record.Id, At = h.At, Type = h.Type, Stage = h.Stage, ById = h.ById, Note = h.Note,
        }).ToList();
        return ServiceResult.Ok(new RaisedEscalation(record, history, directory));
    }

    /// <summary>
    /// Makes a person's move. <paramref name="expectedVersion"/> is the <c>If-Match</c> version, if the caller sent one.
    /// </summary>
    public async Task<ServiceResult<EscalationRecord>> MoveAsync(Guid escalationId, Guid actorId, Move move,
        int? expectedVersion = null, OutcomeDetails? outcome = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(move);
        // Read before the write transaction, to keep it short; the escalation itself is read inside it.
        var directory = await directoryCache.ReadAsync(db, ct);
        await using var transaction = await writes.BeginAsync(db, ct);
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
        PokeIfSoon(transition, now);
        return ServiceResult.Ok(await db.Escalations.AsNoTracking().FirstAsync(e => e.Id == escalationId, ct));
    }

    /// <summary>
    /// Wakes the dispatcher when the move set a timer that falls due before its next poll; a later timer it finds by
    /// itself, since it never sleeps longer than the poll interval. (Waking it for every move would cost a claiming
    /// write transaction per move, competing with the moves for SQLite's one writer.)
    /// </summary>
    private void PokeIfSoon(Transition transition, DateTimeOffset now)
    {
        var soon = now + dispatcher.Value.PollInterval;
        if (transition.Timers.Any(t => t.DueAt <= soon))
            signal.Poke();
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

/// <summary>A new escalation as stored: its row, the history written with it, and the directory it was raised against.</summary>
public sealed record RaisedEscalation(EscalationRecord Record, IReadOnlyList<HistoryRecord> History, DirectorySnapshot Directory);
