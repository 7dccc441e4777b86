using Escalation.Data;
using Escalation.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Escalation.Web.Tests.Reports;

/// <summary>
/// The table of escalations whose id was not made from the instant they were raised, which the database keeps itself
/// (SQLite). The board report trusts id ranges only while it holds none for the period, so a row missing here would
/// count stages in the wrong period, and a row left here only makes the report slower.
/// </summary>
[Trait("Category", "db-sqlite")]
public sealed class EscalationIdMismatchTests : IAsyncLifetime, IDisposable
{
    // Not a whole millisecond: the id keeps the millisecond, the raised time every tick.
    private static readonly DateTimeOffset Raised = new DateTimeOffset(2026, 6, 30, 22, 30, 15, TimeSpan.Zero).AddTicks(123_4567);

    private readonly EngineHost _host = new(new FakeTimeProvider(Raised));
    private Guid _id;

    public async Task InitializeAsync()
    {
        var people = await _host.SeedAsync();
        var request = people.Raise() with { DecisionDate = new DateOnly(2026, 6, 26) };
        var raised = await _host.RaiseAsync(people.Teacher, request);
        _id = raised.Value?.Id ?? throw new InvalidOperationException($"The raise failed: {raised.Status}");
        _host.Clock.Advance(TimeSpan.FromMilliseconds(1.5));
        Assert.NotNull((await _host.RaiseAsync(people.Teacher, request)).Value);
    }

    [Fact]
    public async Task RaisedByTheService_AtAnInstantBetweenMilliseconds_NotListed()
    {
        Assert.Equal(Raised, (await _host.EscalationAsync(_id)).RaisedAt);
        Assert.Empty(await MismatchesAsync());
    }

    [Fact]
    public async Task RaisedTimeCorrectedByHand_Listed_AndRemovedWhenPutBack()
    {
        var corrected = new DateTimeOffset(2026, 7, 5, 9, 0, 0, TimeSpan.Zero);
        await SetRaisedAtAsync(corrected);
        Assert.Equal([(Text(_id), corrected.UtcTicks)], await MismatchesAsync());

        await SetRaisedAtAsync(Raised);
        Assert.Empty(await MismatchesAsync());
    }

    [Fact]
    public async Task OtherColumnsChanged_ListUnchanged()
    {
        await SetRaisedAtAsync(Raised.AddDays(3));
        await ExecuteAsync("UPDATE escalations SET status = 'Withdrawn', child_reference = 'CH-2' WHERE id = {0}");

        Assert.Single(await MismatchesAsync());
    }

    [Fact]
    public async Task EscalationRemoved_RemovedFromTheList()
    {
        await SetRaisedAtAsync(Raised.AddDays(3));
        await _host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<EscalationDbContext>();
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA foreign_keys = OFF");
            var removed = await db.Database.ExecuteSqlRawAsync("DELETE FROM escalations WHERE id = {0}", Text(_id));
            await db.Database.ExecuteSqlRawAsync("PRAGMA foreign_keys = ON");
            return removed;
        });

        Assert.Empty(await MismatchesAsync());
    }

    [Fact]
    public async Task Migration_OnADatabaseThatAlreadyHoldsAMismatch_ListsIt()
    {
        await _host.InScopeAsync(async sp =>
        {
            var migrator = sp.GetRequiredService<EscalationDbContext>().GetService<IMigrator>();
            await migrator.MigrateAsync("20261207083212_ReportIndexesByStage");
            return 0;
        });
        var corrected = Raised.AddDays(-40);
        await ExecuteAsync("UPDATE escalations SET raised_at = " + corrected.UtcTicks + " WHERE id = {0}");

        await _host.InScopeAsync(async sp =>
        {
            await sp.GetRequiredService<EscalationDbContext>().Database.MigrateAsync();
            return 0;
        });

        Assert.Equal([(Text(_id), corrected.UtcTicks)], await MismatchesAsync());
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _host.Dispose();

    private static string Text(Guid id) => id.ToString().ToUpperInvariant();

    private Task<int> SetRaisedAtAsync(DateTimeOffset at) => _host.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<EscalationDbContext>();
        var escalation = await db.Escalations.SingleAsync(e => e.Id == _id);
        escalation.RaisedAt = at;
        return await db.SaveChangesAsync();
    });

    private Task<int> ExecuteAsync(string sql) => _host.InScopeAsync(sp =>
        sp.GetRequiredService<EscalationDbContext>().Database.ExecuteSqlRawAsync(sql, Text(_id)));

    private Task<List<(string Id, long RaisedAt)>> MismatchesAsync() => _host.InScopeAsync(async sp =>
    {
        var connection = sp.GetRequiredService<EscalationDbContext>().Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT escalation_id, raised_at FROM escalation_id_mismatches ORDER BY escalation_id";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, long)>();
        while (await reader.ReadAsync())
            rows.Add((reader.GetString(0), reader.GetInt64(1)));
        return rows;
    });
}
