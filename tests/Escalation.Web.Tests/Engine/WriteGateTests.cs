using Escalation.Core.Engine;
using Escalation.Data;
using Escalation.Data.Entities;
using Escalation.Data.Sql;
using Escalation.Services.Escalations;
using Escalation.Web.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Escalation.Web.Tests.Engine;

/// <summary>The in-process write gate on a real SQLite file: writers queue in the process and none is lost or doubled.</summary>
public sealed class WriteGateTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(300);
    private readonly SqliteTestDatabases _databases = new();
    private EngineHost? _host;
    private SqliteWriteGate? _gate;

    private EngineHost Host => _host ?? throw new InvalidOperationException("The host is made in InitializeAsync.");

    // Another handle on the same file's gate, to see whether a writer is inside.
    private SqliteWriteGate Gate => _gate ?? throw new InvalidOperationException("The gate is found in InitializeAsync.");

    public async Task InitializeAsync()
    {
        var database = await _databases.CreateAsync();
        _host = new EngineHost(new FakeTimeProvider(new DateTimeOffset(2026, 12, 18, 10, 0, 0, TimeSpan.Zero)), database);
        _gate = SqliteWriteGate.For(database.ConnectionString);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _host?.Dispose();
        _databases.Dispose();
    }

    [Fact]
    public async Task ManyConcurrentRaises_WithTimerBatchesAndLoneUpdates_AllSucceedEachStoredOnceWithAllItsRows()
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
        // Other writers at the same time: timer batches (each a write transaction) and statements outside a transaction.
        var others = Enumerable.Range(0, 10).Select(i => Task.Run(async () =>
        {
            await go.Task;
            if (i % 2 == 0)
                return await Host.FireDueAsync();
            return await Host.InScopeAsync(sp => sp.GetRequiredService<EscalationDbContext>().Outbox
                .Where(o => o.State == OutboxState.Failed).ExecuteUpdateAsync(s => s.SetProperty(o => o.Attempts, o => o.Attempts + 1)));
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
        Assert.Equal(0, Gate.Inside);
    }

    [Fact]
    public async Task RaisesCommittedTogether_AFailingOneIsUndoneAloneAndTheOthersAreKept()
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
        Assert.Equal(0, Gate.Inside);
    }

    [Fact]
    public async Task AWriteTransaction_MakesTheNextWriterWaitInTheProcess_WhileReadsCarryOn()
    {
        var people = await Host.SeedAsync();
        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EscalationDbContext>();
        var transaction = await db.Database.BeginTransactionAsync();
        Assert.Equal(1, Gate.Inside);

        var raise = Host.RaiseAsync(people.Teacher, people.Raise());
        var update = Host.InScopeAsync(sp => sp.GetRequiredService<EscalationDbContext>().Agencies
            .Where(a => a.Id == people.SchoolId).ExecuteUpdateAsync(s => s.SetProperty(a => a.Name, "Riverside Primary")));
        // Write-ahead logging: a read outside a transaction does not wait for the writer.
        Assert.Equal(0, await Host.InScopeAsync(sp => sp.GetRequiredService<EscalationDbContext>().Escalations.CountAsync()));
        await Task.Delay(Pause);
        Assert.False(raise.IsCompleted);
        Assert.False(update.IsCompleted);

        await transaction.CommitAsync();
        await transaction.DisposeAsync();
        Assert.True((await raise).IsOk);
        Assert.Equal(1, await update);
        Assert.Equal(0, Gate.Inside);
    }

    [Fact]
    public async Task ATransactionDisposedWithoutCommit_GivesTheGateBack()
    {
        var people = await Host.SeedAsync();
        await using (var scope = Host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EscalationDbContext>();
            await using (await db.Database.BeginTransactionAsync())
            {
                Assert.Equal(1, Gate.Inside);
            }

            Assert.Equal(0, Gate.Inside);

            // A connection the caller opened stays open after the transaction: the gate goes back with its next
            // statement or when it closes.
            await db.Database.OpenConnectionAsync();
            await using (await db.Database.BeginTransactionAsync())
            {
                Assert.Equal(1, Gate.Inside);
            }

            await db.Agencies.Where(a => a.Id == people.SchoolId).ExecuteUpdateAsync(s => s.SetProperty(a => a.Name, "Riverside Primary"));
            Assert.Equal(0, Gate.Inside);
            await using (await db.Database.BeginTransactionAsync())
            {
                Assert.Equal(1, Gate.Inside);
            }

            await db.Database.CloseConnectionAsync();
            Assert.Equal(0, Gate.Inside);
        }

        Assert.True((await Host.RaiseAsync(people.Teacher, people.Raise())).IsOk);
        Assert.Equal(0, Gate.Inside);
    }

    [Fact]
    public async Task ARefusedRaise_StoresNothingAndGivesTheGateBack()
    {
        var people = await Host.SeedAsync();
        var refused = await Host.RaiseAsync(people.Teacher, people.Raise() with { RespondentId = Guid.NewGuid() });
        Assert.Equal(ServiceStatus.Invalid, refused.Status);
        Assert.Equal(0, Gate.Inside);
        Assert.Equal(0, await Host.InScopeAsync(sp => sp.GetRequiredService<EscalationDbContext>().Escalations.CountAsync()));
    }

    [Fact]
    public async Task AFailedWriteTransaction_RollsBackAndGivesTheGateBack()
    {
        var people = await Host.SeedAsync();
        await Host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<EscalationDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.Agencies.Where(a => a.Id == people.SchoolId).ExecuteUpdateAsync(s => s.SetProperty(a => a.Name, "Renamed"));
            // A duplicate key: the statement fails inside the transaction, which the caller then rolls back.
            await Assert.ThrowsAsync<DbUpdateException>(async () =>
            {
                db.Agencies.Add(new Agency { Id = people.SchoolId, Name = "Duplicate", Kind = AgencyKind.School });
                await db.SaveChangesAsync();
            });
            Assert.Equal(1, Gate.Inside);
            await transaction.RollbackAsync();
            Assert.Equal(0, Gate.Inside);
            return 0;
        });

        var name = await Host.InScopeAsync(sp => sp.GetRequiredService<EscalationDbContext>().Agencies
            .Where(a => a.Id == people.SchoolId).Select(a => a.Name).SingleAsync());
        Assert.Equal("Riverside Primary School", name);
    }

    [Fact]
    public async Task ThePostgresRegistration_HasNoGate()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Escalation:Database:Provider"] = "Postgres",
            ["ConnectionStrings:Escalation"] = "Host=127.0.0.1;Database=none;Username=none",
        }).Build();
        var services = new ServiceCollection().AddEscalationData(configuration).BuildServiceProvider();
        await using var _ = services;
        await using var scope = services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<Microsoft.EntityFrameworkCore.DbContextOptions<PostgresEscalationDbContext>>();
        var interceptors = options.FindExtension<Microsoft.EntityFrameworkCore.Infrastructure.CoreOptionsExtension>()?.Interceptors ?? [];
        Assert.DoesNotContain(interceptors, i => i is SqliteWriteGate);
    }

    [Theory]
    [InlineData("SELECT 1", true)]
    [InlineData("  select * from escalations", true)]
    [InlineData("-- FromSql\nSELECT o.* FROM outbox o", true)]
    [InlineData("/* tag */ SELECT 1", true)]
    [InlineData("UPDATE outbox SET attempts = 1", false)]
    [InlineData("INSERT INTO agencies (id) VALUES (@p0) RETURNING 1", false)]
    [InlineData("DELETE FROM session_entries", false)]
    [InlineData("PRAGMA journal_mode=WAL;", false)]
    [InlineData("WITH x AS (SELECT 1) DELETE FROM timers", false)]
    [InlineData("", false)]
    public void OnlyASelectCountsAsARead(string sql, bool read) => Assert.Equal(read, SqliteWriteGate.IsRead(sql));

    [Fact]
    public void OneGatePerFile()
    {
        var folder = Path.GetTempPath();
        Assert.Equal(
            SqliteWriteGate.FileKey(new SqliteConnectionStringBuilder($"Data Source={Path.Combine(folder, "a.db")};Pooling=False")),
            SqliteWriteGate.FileKey(new SqliteConnectionStringBuilder($"Data Source={Path.Combine(folder, ".", "a.db")}")));
        Assert.NotEqual(
            SqliteWriteGate.FileKey(new SqliteConnectionStringBuilder($"Data Source={Path.Combine(folder, "a.db")}")),
            SqliteWriteGate.FileKey(new SqliteConnectionStringBuilder($"Data Source={Path.Combine(folder, "b.db")}")));
    }
}
