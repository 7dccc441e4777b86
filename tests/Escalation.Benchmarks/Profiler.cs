using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Escalation.Core.Engine;
using Escalation.Core.Policies;
using Escalation.Data;
using Escalation.Data.Engine;
using Escalation.Data.Entities;
using Escalation.Data.Sql;
using Escalation.Services.Escalations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Escalation.Benchmarks;

/// <summary>
/// Where the engine's time goes: a copy of <c>TimerProcessor.FireBatchAsync</c> (as of commit 02c088d) with a stopwatch
/// around each phase. The writes go through the real <see cref="TransitionWriter"/>; its effects are written in five
/// slices (each a <c>with</c> copy of the transition carrying one kind of effect), so each kind of statement is timed
/// on its own while the rows written stay exactly the same. Update the copy when the processor changes.
/// </summary>
internal sealed class Profiler(PolicyCatalog catalog, EngineSettings settings)
{
    private readonly Dictionary<string, (long Ticks, long Count)> _sections = new(StringComparer.Ordinal);

    public async Task RunAsync(IServiceProvider services, int batchSize)
    {
        while (true)
        {
            var start = Stopwatch.GetTimestamp();
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<EscalationDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            Add("0 scope, DbContext, BEGIN", start);
            var fired = await FireBatchAsync(db, transaction, batchSize);
            start = Stopwatch.GetTimestamp();
            await transaction.CommitAsync();
            Add("9 COMMIT", start);
            if (fired == 0)
                return;
        }
    }

    public IReadOnlyDictionary<string, (long Ticks, long Count)> Sections => _sections;

    /// <summary>One line per phase: total, calls, microseconds per deadline, share of the phases' sum.</summary>
    public static void Print(IReadOnlyDictionary<string, (long Ticks, long Count)> sections, int count)
    {
        var total = sections.Values.Sum(s => s.Ticks);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"phase",-34} {"total ms",10} {"calls",8} {"us/deadline",12} {"share",7}"));
        foreach (var (name, (ticks, calls)) in sections.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var ms = ticks * 1000.0 / Stopwatch.Frequency;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-34} {ms,10:F1} {calls,8} {ms * 1000 / count,12:F1} {(double)ticks / total,7:P1}"));
        }
    }

    private async Task<int> FireBatchAsync(EscalationDbContext db, IDbContextTransaction transaction, int batchSize)
    {
        var now = Seeder.Now;
        var connection = db.Database.GetDbConnection();
        var dbTransaction = transaction.GetDbTransaction();
        var start = Stopwatch.GetTimestamp();
        var due = await ClaimAsync(connection, dbTransaction, now, batchSize);
        Add("1 claim query + read", start);
        if (due.Count == 0)
            return 0;

        DirectorySnapshot? directory = null;
        await using var writer = new TransitionWriter(connection, dbTransaction, SqlDialect.Sqlite, EngineRun.MessageIdDomain);
        foreach (var (timerId, stage, raiserId, respondentId, before) in due)
        {
            start = Stopwatch.GetTimestamp();
            var table = catalog.Table(before.PolicyId, before.PolicyVersion);
            var transition = table.Apply(before, new DeadlinePassed(stage), Actor.System, now).Transition!;
            Add("2 TransitionTable.Apply", start);

            start = Stopwatch.GetTimestamp();
            if (!await writer.UpdateEscalationAsync(before, transition.State, now, default)
                || !await writer.MarkTimerAsync(timerId, TimerState.Fired, now, default))
                throw new InvalidOperationException("The profile expects no races.");
            Add("3 update escalation + mark timer", start);

            start = Stopwatch.GetTimestamp();
            directory ??= await DirectorySnapshot.LoadAsync(db, default);
            Add("4 DirectorySnapshot.LoadAsync", start);

            start = Stopwatch.GetTimestamp();
            var recipients = settings.RecipientsFor(table.Policy, directory);
            foreach (var mail in transition.Mails)
            {
                _ = recipients.For(mail, raiserId, respondentId, transition.State.HighestStage);
            }

            Add("5 Recipients.For (extra, measured)", start);
            var none = transition with { History = [], StageLeft = null, StageEntered = null, CancelPendingTimers = false, Timers = [], Mails = [] };
            await Slice(writer, "6a cancel pending timers", none with { CancelPendingTimers = transition.CancelPendingTimers }, raiserId, respondentId, recipients);
            await Slice(writer, "6b stage records", none with { StageLeft = transition.StageLeft, StageEntered = transition.StageEntered }, raiserId, respondentId, recipients);
            await Slice(writer, "6c history", none with { History = transition.History }, raiserId, respondentId, recipients);
            await Slice(writer, "6d timers", none with { Timers = transition.Timers }, raiserId, respondentId, recipients);
            await Slice(writer, "6e outbox (incl. Recipients.For)", none with { Mails = transition.Mails }, raiserId, respondentId, recipients);
        }

        return due.Count;
    }

    private async Task Slice(TransitionWriter writer, string name, Transition slice, Guid raiserId, Guid respondentId, Recipients recipients)
    {
        var start = Stopwatch.GetTimestamp();
        await writer.WriteEffectsAsync(slice, raiserId, respondentId, recipients, Seeder.Now, default);
        Add(name, start);
    }

    // The claim exactly as TimerProcessor.ClaimAsync runs and reads it.
    private static async Task<List<(long TimerId, int Stage, Guid RaiserId, Guid RespondentId, EscalationState State)>> ClaimAsync(
        DbConnection connection, DbTransaction transaction, DateTimeOffset now, int batchSize)
    {
        var sql = SqlDialect.Sqlite;
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            "SELECT t.id, t.kind, t.stage, e.id, e.policy_id, e.policy_version, e.track, e.status, e.stage, e.highest_stage, " +
            "e.stage_started_at, e.stage_due_at, e.version, e.raised_by_id, e.respondent_id " +
            "FROM timers t JOIN escalations e ON e.id = t.escalation_id " +
            "WHERE t.state = 'Pending' AND t.due_at < @now AND (t.lease_until IS NULL OR t.lease_until < @now) ORDER BY t.due_at, t.id LIMIT @limit";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@now";
        parameter.Value = sql.Instant(now);
        command.Parameters.Add(parameter);
        parameter = command.CreateParameter();
        parameter.ParameterName = "@limit";
        parameter.Value = batchSize;
        command.Parameters.Add(parameter);

        var due = new List<(long, int, Guid, Guid, EscalationState)>(batchSize);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            _ = SqlDialect.ReadEnum<TimerKind>(reader, 1);
            due.Add((reader.GetInt64(0), reader.GetInt32(2), sql.ReadId(reader, 13), sql.ReadId(reader, 14), new EscalationState(
                sql.ReadId(reader, 3), reader.GetString(4), reader.GetInt32(5), SqlDialect.ReadEnum<Track>(reader, 6),
                SqlDialect.ReadEnum<EscalationStatus>(reader, 7), reader.GetInt32(8), reader.GetInt32(9),
                sql.ReadInstant(reader, 10), sql.ReadInstant(reader, 11), reader.GetInt32(12))));
        }

        return due;
    }

    private void Add(string name, long start)
    {
        var elapsed = Stopwatch.GetTimestamp() - start;
        _sections[name] = _sections.TryGetValue(name, out var s) ? (s.Ticks + elapsed, s.Count + 1) : (elapsed, 1);
    }
}
