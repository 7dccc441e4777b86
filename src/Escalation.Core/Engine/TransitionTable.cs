using Escalation.Core.Calendar;
using Escalation.Core.Policies;

namespace Escalation.Core.Engine;

/// <summary>
/// The one transition table: every move an escalation can make, its guards and its effects.
/// It does no I/O and reads no clock; the caller passes the time and persists the returned <see cref="Transition"/>.
/// A move that is not allowed returns a <see cref="MoveRejected"/>, never throws.
/// </summary>
public sealed class TransitionTable(PolicyDefinition policy, WorkingDayCalendar calendar)
{
    public PolicyDefinition Policy { get; } = policy;

    /// <summary>Applies a move. <paramref name="state"/> is null only for <see cref="Raise"/>.</summary>
    public MoveResult Apply(EscalationState? state, Move move, Actor actor, DateTimeOffset now)
    {
        if (move is Raise raise)
        {
            return state is null
                ? Raising(raise, actor, now)
                : Reject(RejectionReason.WrongState, "This escalation has already been raised.");
        }

        ArgumentNullException.ThrowIfNull(state);
        if (move is ReminderDue or DeadlinePassed && actor.PersonId is not null)
            return Reject(RejectionReason.NotPermitted, "Only the service itself fires reminders and deadlines.");
        if (!state.IsOpen)
        {
            return move is ReminderDue or DeadlinePassed
                ? Reject(RejectionReason.StaleTimer, "The escalation is closed.")
                : Reject(RejectionReason.WrongState, $"This escalation is {state.Status.ToString().ToLowerInvariant()}.");
        }

        return move switch
        {
            Respond m => Responding(state, m, actor, now),
            Escalate m => Escalating(state, m, actor, now),
            Resolve m => Resolving(state, m, actor, now),
            Withdraw m => Withdrawing(state, m, actor, now),
            ReminderDue m => Reminding(state, m, now),
            DeadlinePassed m => DeadlinePassing(state, m, now),
            _ => throw new ArgumentOutOfRangeException(nameof(move), move, "Unknown move."),
        };
    }

    /// <summary>
    /// The moves <paramref name="actor"/> may make on <paramref name="state"/> now: the same guards <see cref="Apply"/>
    /// checks (who, and in which state), without the move's own input. Pages and mails ask this; nothing copies it.
    /// </summary>
    public PermittedMoves PermittedMoves(EscalationState state, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(actor);
        if (!state.IsOpen)
            return Engine.PermittedMoves.None;

        var moves = Engine.PermittedMoves.None;
        if (MayRespond(state, actor)) moves |= Engine.PermittedMoves.Respond;
        if (MayEscalate(actor) && CanMoveUp(state)) moves |= Engine.PermittedMoves.Escalate;
        if (MayResolve(state, actor)) moves |= Engine.PermittedMoves.Resolve;
        if (BoardDecides(state, actor)) moves |= Engine.PermittedMoves.BoardDecision;
        if (MayWithdraw(actor)) moves |= Engine.PermittedMoves.Withdraw;
        return moves;
    }

    // The guards: each is the one copy of who may make a move, shared by Apply and PermittedMoves.
    private bool MayRespond(EscalationState state, Actor actor) =>
        actor.Is(Relations.ActorsOf(Policy.Stage(state.Stage).WhoActs) | Relation.Party | Relation.Board);

    private static bool MayEscalate(Actor actor) => actor.Is(Relation.RaisingSide);

    private bool CanMoveUp(EscalationState state) => Policy.NextStage(state.Stage) is not null;

    private bool BoardDecides(EscalationState state, Actor actor) => state.Stage == Policy.LastStage && actor.Is(Relation.Board);

    private bool MayResolve(EscalationState state, Actor actor) => actor.Is(Relation.RaisingSide) || BoardDecides(state, actor);

    private static bool MayWithdraw(Actor actor) => actor.Is(Relation.Raiser);

    private MoveResult Raising(Raise move, Actor actor, DateTimeOffset now)
    {
        if (!actor.Is(Relation.Raiser))
            return Reject(RejectionReason.NotPermitted, "Only the raising practitioner can raise an escalation.");
        if (!Policy.Tracks.ContainsKey(move.Track))
            return Reject(RejectionReason.InvalidInput, $"The policy has no {move.Track} track.");
        if (Policy.Stages.All(s => s.Number != move.StartAtStage))
            return Reject(RejectionReason.InvalidInput, $"The policy has no stage {move.StartAtStage}.");
        if (move.StartAtStage != Policy.FirstStage && string.IsNullOrWhiteSpace(move.StartAtStageReason))
            return Reject(RejectionReason.InvalidInput, "Starting above the first stage needs a reason.");

        var entered = Enter(move.StartAtStage, move.Track, now);
        var state = new EscalationState(
            move.Id, Policy.Id, Policy.Version, move.Track, EscalationStatus.Open,
            move.StartAtStage, move.StartAtStage, now, entered.DueAt, Version: 1);
        var raised = Mail(NotificationEvent.Raised, move.StartAtStage);
        if (move.StartAtStage != Policy.FirstStage)
        {
            // One moment, one mail: raised above the first stage, the raised mail also tells those the stage-entered
            // mail would have told (first, so those who act at the starting stage are told as the ones who act).
            raised = raised with { Audiences = [.. Audiences(NotificationEvent.StageEntered).Concat(raised.Audiences).Distinct()] };
        }

        return new Transition(
            state,
            [new HistoryItem(now, HistoryType.Raised, move.StartAtStage, actor.PersonId, move.StartAtStageReason)],
            StageLeft: null,
            entered,
            CancelPendingTimers: false,
            StageTimers(entered, move.Track, now),
            [raised]);
    }

    private MoveResult Responding(EscalationState state, Respond move, Actor actor, DateTimeOffset now)
    {
        if (!MayRespond(state, actor))
            return Reject(RejectionReason.NotPermitted, "Only the parties and the people acting at this stage can respond.");
        if (string.IsNullOrWhiteSpace(move.Note))
            return Reject(RejectionReason.InvalidInput, "A response needs a note.");

        // The author is never told of their own response.
        return Unmoved(state, new HistoryItem(now, HistoryType.Responded, state.Stage, actor.PersonId, move.Note),
            [Mail(NotificationEvent.Responded, state.Stage) with { Except = actor.PersonId }]);
    }

    private MoveResult Escalating(EscalationState state, Escalate move, Actor actor, DateTimeOffset now)
    {
        if (!MayEscalate(actor))
            return Reject(RejectionReason.NotPermitted, "Only the raising side can escalate: the raiser, or their manager or senior.");
        if (string.IsNullOrWhiteSpace(move.Reason))
            return Reject(RejectionReason.InvalidInput, "Escalating needs a reason.");
        if (!CanMoveUp(state))
            return Reject(RejectionReason.WrongState, "This is the last stage: it cannot be escalated further.");

        return MoveUp(state, StageExit.EscalatedByRaisingSide, actor.PersonId, move.Reason, now, []);
    }

    private MoveResult Resolving(EscalationState state, Resolve move, Actor actor, DateTimeOffset now)
    {
        if (!MayResolve(state, actor))
            return Reject(RejectionReason.NotPermitted, "Only the raising side can resolve, or the board at the last stage.");
        if (move.Outcome == OutcomeKind.BoardDecision && !BoardDecides(state, actor))
            return Reject(RejectionReason.InvalidInput, "Only the board, at the last stage, can record a board decision.");
        if (string.IsNullOrWhiteSpace(move.Statement))
            return Reject(RejectionReason.InvalidInput, "Resolving needs an outcome statement.");

        return Close(state, EscalationStatus.Resolved, StageExit.Resolved, HistoryType.Resolved, NotificationEvent.Resolved,
            actor.PersonId, move.Statement, now);
    }

    private MoveResult Withdrawing(EscalationState state, Withdraw move, Actor actor, DateTimeOffset now)
    {
        if (!MayWithdraw(actor))
            return Reject(RejectionReason.NotPermitted, "Only the practitioner who raised the escalation can withdraw it.");
        if (string.IsNullOrWhiteSpace(move.Reason))
            return Reject(RejectionReason.InvalidInput, "Withdrawing needs a reason.");

        return Close(state, EscalationStatus.Withdrawn, StageExit.Withdrawn, HistoryType.Withdrawn, NotificationEvent.Withdrawn,
            actor.PersonId, move.Reason, now);
    }

    private MoveResult Reminding(EscalationState state, ReminderDue move, DateTimeOffset now)
    {
        if (move.Stage != state.Stage)
            return Reject(RejectionReason.StaleTimer, $"The escalation has left stage {move.Stage}.");
        if (now >= state.StageDueAt)
            return Reject(RejectionReason.StaleTimer, "The deadline has already passed: a reminder would come too late.");

        var note = WhenLate($"Reminder: stage {state.Stage} is due by {state.StageDueAt:O}.", move.FellDueAt, now);
        return Unmoved(state, new HistoryItem(now, HistoryType.ReminderSent, state.Stage, null, note),
            [Mail(NotificationEvent.Reminder, state.Stage)]);
    }

    private MoveResult DeadlinePassing(EscalationState state, DeadlinePassed move, DateTimeOffset now)
    {
        if (move.Stage != state.Stage)
            return Reject(RejectionReason.StaleTimer, $"The escalation has left stage {move.Stage}.");
        if (now <= state.StageDueAt)
            return Reject(RejectionReason.StaleTimer, "The deadline has not passed yet.");

        var stage = Policy.Stage(state.Stage);
        var missed = new HistoryItem(now, HistoryType.DeadlineMissed, state.Stage, null,
            WhenLate($"The stage {state.Stage} ({stage.Title}) deadline passed without a resolution.", move.FellDueAt, now));
        var missedMail = Mail(NotificationEvent.DeadlineMissed, state.Stage);
        if (stage.OnDeadline == DeadlineAction.Escalate && Policy.NextStage(state.Stage) is not null)
        {
            // One moment, one mail: the deadline mail also tells the new stage's audiences that it has moved up.
            var both = missedMail with { NextStageAudiences = Audiences(NotificationEvent.StageEntered) };
            return MoveUp(state, StageExit.EscalatedAtDeadline, null, "Moved up automatically when the deadline passed.", now,
                [missed], both);
        }

        return Unmoved(state, missed, [missedMail]);
    }

    /// <summary>Moves to the next stage. <paramref name="mail"/> replaces the stage-entered mail when given.</summary>
    private Transition MoveUp(EscalationState state, StageExit how, Guid? byId, string note, DateTimeOffset now,
        IReadOnlyList<HistoryItem> before, MailIntent? mail = null)
    {
        var next = Policy.NextStage(state.Stage)!.Number;
        var entered = Enter(next, state.Track, now);
        var moved = state with
        {
            Stage = next,
            HighestStage = Math.Max(state.HighestStage, next),
            StageStartedAt = now,
            StageDueAt = entered.DueAt,
            Version = state.Version + 1,
        };
        return new Transition(
            moved,
            [.. before, new HistoryItem(now, HistoryType.Escalated, next, byId, note)],
            new StageLeft(state.Stage, now, how),
            entered,
            CancelPendingTimers: true,
            StageTimers(entered, state.Track, now),
            [mail ?? Mail(NotificationEvent.StageEntered, next)]);
    }

    private Transition Close(EscalationState state, EscalationStatus status, StageExit how, HistoryType type,
        NotificationEvent notification, Guid? byId, string note, DateTimeOffset now) =>
        new(
            state with { Status = status, Version = state.Version + 1 },
            [new HistoryItem(now, type, state.Stage, byId, note)],
            new StageLeft(state.Stage, now, how),
            StageEntered: null,
            CancelPendingTimers: true,
            Timers: [],
            [Mail(notification, state.Stage)]);

    private static Transition Unmoved(EscalationState state, HistoryItem item, IReadOnlyList<MailIntent> mails) =>
        new(state with { Version = state.Version + 1 }, [item], null, null, false, [], mails);

    private StageEntered Enter(int stage, Track track, DateTimeOffset now) =>
        new(stage, now, calendar.DueAt(now, Policy.Timescale(track, stage).Deadline));

    private List<TimerRequest> StageTimers(StageEntered entered, Track track, DateTimeOffset now)
    {
        var timers = new List<TimerRequest>();
        var reminder = Policy.Timescale(track, entered.Stage).Reminder;
        if (reminder is not null)
        {
            var remindAt = calendar.ReminderAt(entered.DueAt, reminder);
            if (remindAt > now)
            {
                timers.Add(new TimerRequest(TimerKind.Reminder, entered.Stage, remindAt));
            }
        }

        timers.Add(new TimerRequest(TimerKind.Deadline, entered.Stage, entered.DueAt));
        return timers;
    }

    /// <summary>A timer's note, with when it fell due and when it was acted on if the service was stopped at the time.</summary>
    private string WhenLate(string note, DateTimeOffset? fellDueAt, DateTimeOffset now) =>
        LateTimer.IsLate(fellDueAt, now) ? $"{note} {LateTimer.Sentence(fellDueAt!.Value, now, calendar.TimeZone)}" : note;

    private MailIntent Mail(NotificationEvent notification, int stage) => new(notification, stage, Audiences(notification));

    private IReadOnlyList<Audience> Audiences(NotificationEvent notification) =>
        Policy.Notifications.TryGetValue(notification, out var audiences) ? audiences : [];

    private static MoveRejected Reject(RejectionReason reason, string message) => new(reason, message);
}
