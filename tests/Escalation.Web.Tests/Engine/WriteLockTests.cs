using Escalation.Core.Engine;
using Escalation.Data;
using Escalation.Data.Entities;
using Escalation.Data.Writes;
using Escalation.Services.Escalations;
using Escalation.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Escalation.Web.Tests.Engine;

/// <summary>The SQLite write lock on a real file: writers queue in the process, all succeed, and none is lost or doubled.</summary>
public sealed class WriteLockTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(300);
    private readonly SqliteTestDatabases _databases = new();
    private EngineHost? _host;
    private SqliteWriteLock? _lock;

    private EngineHost Host => _host ?? throw new InvalidOperationException("The host is made in InitializeAsync.");

    // The same file's lock, to see whether a writer holds it.
    private SqliteWriteLock Lock => _lock ?? throw new InvalidOperationException("The lock is found in InitializeAsync.");

    public async Task InitializeAsync()
    {
        var database = await _databases.CreateAsync();
        _host = new EngineHost(new FakeTimeProvider(new DateTimeOffset(2026, 12, 18, 10, 0, 0, TimeSpan.Zero)), database);
        _lock = SqliteWriteLock.For(database.ConnectionString);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _host?.Dispose();
        _databases.Dispose();
    }

    [Fact]
    public async Task ManyConcurrentWriters_OnOneFile_AllSucceedAndNoneIsLost()
    {
        var people = await Host.SeedAsync();
        var before = await Host.InScopeAsync(sp => sp.GetRequiredService<EscalationDbContext>().Agencies.CountAsync());

        const int writers = 100;
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writing = Enumerable.Range(0, writers).Select(i => Task.Run(async () =>
        {
            await go.Task;
            return await Host.InScopeAsync(async sp =>
            {
                var db = sp.GetRequiredService<EscalationDbContext>();
                await using var transaction = await sp.GetRequiredService<DatabaseWrites>().BeginAsync(db, CancellationToken.None);
                // Read, then write what was read: two writers inside at once would lose one of the renames' counts.
                var name = await db.Agencies.Where(a => a.Id == people.SchoolId).Select(a => a.Name).SingleAsync();
                var count = name.Contains('#', StringComparison.Ordinal) ? int.Parse(name[(name.IndexOf('#', StringComparison.Ordinal) + 1)..], System.Globalization.CultureInfo.InvariantCulture) : 0;
                await db.Agencies.Where(a => a.Id == people.SchoolId).ExecuteUpdateAsync(s => s.SetProperty(a => a.Name, $"School #{count + 1}"));
                db.Agencies.Add(new Agency { Id = Guid.NewGuid(), Name = $"Agency {i}", Kind = AgencyKind.School });
                await db.SaveChangesAsync();
                await transaction.CommitAsync();
                return i;
            });
        })).ToList();
        go.SetResult();
        await Task.WhenAll(writing);

        await Host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<EscalationDbContext>();
            Assert.Equal(before + writers, await db.Agencies.CountAsync());
            Assert.Equal($"School #{writers}", await db.Agencies.Where(a => a.Id == people.SchoolId).Select(a => a.Name).SingleAsync());
            return 0;
        });
        Assert.False(Lock.IsHeld);
    }

    [Fact]
    public async Task ManyConcurrentRaises_WithTimerBatchesAndOutboxRetries_AllSucceedEachStoredOnceWithAllItsRows()
    {
        var people = await Host.SeedAsync();
        var first = await Host.RaiseAsync(people.Teacher, people.Raise());
        Assert.True(first.IsOk);
        var mailsPerRaise = (await Host.OutboxAsync(first.Value!.Id)).Count;
        Assert.True(mailsPerRaise > 0);

        const int raises = 60;
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var raising = Enumerable.Range(0, raises).Select(_ => Task.Run(async () =>
        {
            await go.Task;
            return await Host.RaiseAsync(people.Teacher, people.Raise());
        })).ToList();
        // Other writers at the same time: timer batches and an administrator's retry of a parked mail.
        var others = Enumerable.Range(0, 10).Select(i => Task.Run(async () =>
        {
            await go.Task;
            if (i % 2 == 0)
                return await Host.FireDueAsync();
            return await Host.InScopeAsync(async sp =>
                await sp.GetRequiredService<Escalation.Notifications.Admin.OutboxAdmin>().RetryAsync(Guid.NewGuid()) ? 1 : 0);
        })).ToList();
        go.SetResult();
        var results = await Task.WhenAll(raising);
        await Task.WhenAll(others);

        Assert.All(results, r => Assert.True(r.IsOk, r.Status.ToString()));
        var ids = results.Select(r => r.Value!.Id).Append(first.Value.Id).ToHashSet();
        Assert.Equal(raises + 1, ids.Count);
        await Host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<EscalationDbContext>();
            Assert.Equal(raises + 1, await db.Escalations.CountAsync());
            Assert.All(await db.StageRecords.GroupBy(s => s.EscalationId).Select(g => g.Count()).ToListAsync(), n => Assert.Equal(1, n));
            Assert.Equal(raises + 1, await db.StageRecords.CountAsync());
            Assert.Equal(raises + 1, await db.History.CountAsync(h => h.Type == HistoryType.Raised));
            Assert.Equal(2 * (raises + 1), await db.Timers.CountAsync());
            Assert.Equal(mailsPerRaise * (raises + 1), await db.Outbox.CountAsync());
            Assert.All(await db.Outbox.GroupBy(o => o.EscalationId).Select(g => g.Count()).ToListAsync(), n => Assert.Equal(mailsPerRaise, n));
            return 0;
        });
        Assert.False(Lock.IsHeld);
    }

    [Fact]
    public async Task ConcurrentRaises_AFailingOneStoresNothingAndTheOthersAreKept()
    {
        var people = await Host.SeedAsync();
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // Every fourth raise links an assessment that does not exist: its insert breaks the foreign key.
        var raising = Enumerable.Range(0, 40).Select(i => Task.Run(async () =>
        {
            await go.Task;
            var request = i % 4 == 0 ? people.Raise() with { AssessmentId = Guid.NewGuid() } : people.Raise();
            try
            {
                return (Bad: i % 4 == 0, Id: (await Host.RaiseAsync(people.Teacher, request)).Value?.Id);
            }
            catch (DbUpdateException)
            {
                return (Bad: i % 4 == 0, Id: (Guid?)null);
            }
        })).ToList();
        go.SetResult();
        var results = await Task.WhenAll(raising);

        Assert.All(results, r => Assert.Equal(r.Bad, r.Id is null));
        var stored = results.Where(r => r.Id is not null).Select(r => r.Id!.Value).ToHashSet();
        Assert.Equal(30, stored.Count);
        await Host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<EscalationDbContext>();
            Assert.Equal(stored.Order(), (await db.Escalations.Select(e => e.Id).ToListAsync()).Order());
            Assert.Equal(30, await db.StageRecords.CountAsync());
            Assert.Equal(30, await db.History.CountAsync());
            Assert.Equal(60, await db.Timers.CountAsync());
            Assert.All(await db.Outbox.Select(o => o.EscalationId).ToListAsync(), id => Assert.Contains(id!.Value, stored));
            return 0;
        });
        Assert.False(Lock.IsHeld);
    }

    [Fact]
    public async Task AWriteTransaction_MakesTheNextWriterWaitInTheProcess_WhileReadsCarryOn()
    {
        var people = await Host.SeedAsync();
        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EscalationDbContext>();
        var transaction = await scope.ServiceProvider.GetRequiredService<DatabaseWrites>().BeginAsync(db, CancellationToken.None);
        Assert.True(Lock.IsHeld);

        var raise = Host.RaiseAsync(people.Teacher, people.Raise());
        var fire = Host.FireDueAsync();
        // Write-ahead logging: a read outside a transaction does not wait for the writer.
        Assert.Equal(0, await Host.InScopeAsync(sp => sp.GetRequiredService<EscalationDbContext>().Escalations.CountAsync()));
        await Task.Delay(Pause);
        Assert.False(raise.IsCompleted);
        Assert.False(fire.IsCompleted);

        await transaction.CommitAsync();
        // Committed is ended: the lock is given back before the transaction is disposed.
        Assert.True((await raise).IsOk);
        await fire;
        await transaction.DisposeAsync();
        Assert.False(Lock.IsHeld);
    }

    [Fact]
    public async Task ATransactionDisposedWithoutCommit_GivesTheLockBackAndStoresNothing()
    {
        var people = await Host.SeedAsync();
        await Host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<EscalationDbContext>();
            await using (await sp.GetRequiredService<DatabaseWrites>().BeginAsync(db, CancellationToken.None))
            {
                await db.Agencies.Where(a => a.Id == people.SchoolId).ExecuteUpdateAsync(s => s.SetProperty(a => a.Name, "Renamed"));
                Assert.True(Lock.IsHeld);
            }

            Assert.False(Lock.IsHeld);
            return 0;
        });

        Assert.True((await Host.RaiseAsync(people.Teacher, people.Raise())).IsOk);
        Assert.False(Lock.IsHeld);
        Assert.Equal("Riverside Primary School", await Host.InScopeAsync(sp => sp.GetRequiredService<EscalationDbContext>().Agencies
            .Where(a => a.Id == people.SchoolId).Select(a => a.Name).SingleAsync()));
    }

    [Fact]
    public async Task ARefusedRaise_StoresNothingAndGivesTheLockBack()
    {
        var people = await Host.SeedAsync();
        var refused = await Host.RaiseAsync(people.Teacher, people.Raise() with { RespondentId = Guid.NewGuid() });
        Assert.Equal(ServiceStatus.Invalid, refused.Status);
        Assert.False(Lock.IsHeld);
        Assert.Equal(0, await Host.InScopeAsync(sp => sp.GetRequiredService<EscalationDbContext>().Escalations.CountAsync()));
    }

    [Fact]
    public async Task AFailedWriteTransaction_RollsBackAndGivesTheLockBack()
    {
        var people = await Host.SeedAsync();
        await Host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<EscalationDbContext>();
            await using var transaction = await sp.GetRequiredService<DatabaseWrites>().BeginAsync(db, CancellationToken.None);
            await db.Agencies.Where(a => a.Id == people.SchoolId).ExecuteUpdateAsync(s => s.SetProperty(a => a.Name, "Renamed"));
            // A duplicate key: the statement fails inside the transaction, which the caller then rolls back.
            await Assert.ThrowsAsync<DbUpdateException>(async () =>
            {
                db.Agencies.Add(new Agency { Id = people.SchoolId, Name = "Duplicate", Kind = AgencyKind.School });
                await db.SaveChangesAsync();
            });
            Assert.True(Lock.IsHeld);
            await transaction.RollbackAsync();
            Assert.False(Lock.IsHeld);
            return 0;
        });

        var name = await Host.InScopeAsync(sp => sp.GetRequiredService<EscalationDbContext>().Agencies
            .Where(a => a.Id == people.SchoolId).Select(a => a.Name).SingleAsync());
        Assert.Equal("Riverside Primary School", name);
    }

    [Fact]
    public void OneLockPerFile()
    {
        var folder = Path.Combine(Path.GetTempPath(), "write-lock-" + Guid.NewGuid().ToString("N"));
        Assert.Same(
            SqliteWriteLock.For($"Data Source={Path.Combine(folder, "a.db")};Pooling=False"),
            SqliteWriteLock.For($"Data Source={Path.Combine(folder, ".", "a.db")}"));
        Assert.NotSame(
            SqliteWriteLock.For($"Data Source={Path.Combine(folder, "a.db")}"),
            SqliteWriteLock.For($"Data Source={Path.Combine(folder, "b.db")}"));
    }
}
