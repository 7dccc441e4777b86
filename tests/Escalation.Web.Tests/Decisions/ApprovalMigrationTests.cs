using Escalation.Core.Decisions;
using Escalation.Data;
using Escalation.Data.Decisions;
using Escalation.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Escalation.Web.Tests.Decisions;

/// <summary>
/// Migration AssessmentApprovals on a database that already holds assessments: none is changed; one that named a
/// senior under the old rules reads as still pending from that senior (never as approved); the rest read no approval
/// and an empty list of rules.
/// </summary>
public sealed class ApprovalMigrationTests
{
    [Fact]
    public async Task Migration_OnADatabaseWithOldAssessments_KeepsThemAndShowsTheNamedSeniorAsPending() =>
        await TempSqliteFile.RunAsync(OldAssessments.CheckAsync);
}

[Trait("Category", "Postgres")]
[Collection(PostgresGroup.Name)]
public sealed class PostgresApprovalMigrationTests(TestPostgresFixture postgres)
{
    [Fact]
    public async Task Migration_OnADatabaseWithOldAssessments_KeepsThemAndShowsTheNamedSeniorAsPending() =>
        await OldAssessments.CheckAsync(TestDatabase.Postgres(await postgres.Server.CreateDatabaseAsync()));
}

/// <summary>Two assessments stored under the schema before AssessmentApprovals, then the migration, then the reads.</summary>
internal static class OldAssessments
{
    private const string NoAnswers = "{}";

    private static readonly string[] Required = ["refer-csc", "notify-police"];

    private static readonly string[] Taken = ["consult-dsl"];

    private static readonly DateTimeOffset Stored = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    public static async Task CheckAsync(TestDatabase database)
    {
        var agency = Guid.NewGuid();
        var assessor = Guid.NewGuid();
        var senior = Guid.NewGuid();
        var withApprover = Guid.CreateVersion7(Stored);
        var without = Guid.CreateVersion7(Stored.AddMinutes(1));
        await using (var db = Context(database))
        {
            var migrations = db.Database.GetMigrations().ToList();
            var approvals = migrations.FindIndex(m => m.EndsWith("_AssessmentApprovals", StringComparison.Ordinal));
            await db.GetService<IMigrator>().MigrateAsync(migrations[approvals - 1]);
            await OldDirectoryRows.AgencyAsync(db, database.IsSqlite, agency);
            await OldDirectoryRows.PersonAsync(db, database.IsSqlite, assessor, "Tess Teacher", agency);
            await OldDirectoryRows.PersonAsync(db, database.IsSqlite, senior, "Sam Senior", agency);
            await InsertOldAsync(db, database.IsSqlite, withApprover, "CH-OLD1", senior, assessor, agency, Stored);
            await InsertOldAsync(db, database.IsSqlite, without, "CH-OLD2", null, assessor, agency, Stored.AddMinutes(1));

            await db.Database.MigrateAsync();

            var old = await db.Assessments.AsNoTracking().OrderBy(a => a.CreatedAt).ToListAsync();
            Assert.Equal(["CH-OLD1", "CH-OLD2"], old.Select(a => a.ChildReference));
            Assert.All(old, a => Assert.Empty(a.Rules));
            Assert.All(old, a => Assert.Equal("Exceptional.", a.Rationale));
            Assert.Equal([senior, null], old.Select(a => a.ApproverId));
            var approval = Assert.Single(await db.AssessmentApprovals.AsNoTracking().ToListAsync());
            Assert.Equal((withApprover, senior, ApprovalStatus.Pending, Stored), (approval.AssessmentId, approval.ApproverId, approval.Status, approval.RequestedAt));
            Assert.Null(approval.DecidedAt);
        }

        using var host = new EngineHost(new FakeTimeProvider(Stored.AddDays(7)), database);
        host.CreateClient().Dispose();
        var read = await host.InScopeAsync(async sp =>
        {
            var service = sp.GetRequiredService<AssessmentService>();
            return (Named: await service.GetAsync(withApprover, assessor), None: await service.GetAsync(without, assessor));
        });
        Assert.Equal(ApprovalStatus.Pending, read.Named!.Approval!.Status);
        Assert.Null(read.None!.Approval);
        var waiting = await host.InScopeAsync(sp => sp.GetRequiredService<AssessmentList>().ForAsync(senior));
        Assert.Equal(withApprover, Assert.Single(waiting).Id);

        // The database keeps an approval once decided, and never lets one go.
        await using var after = Context(database);
        await after.Database.ExecuteSqlRawAsync("UPDATE assessment_approvals SET status = 'Approved'");
        var changed = await Assert.ThrowsAnyAsync<Exception>(() => after.Database.ExecuteSqlRawAsync("UPDATE assessment_approvals SET status = 'Declined'"));
        var deleted = await Assert.ThrowsAnyAsync<Exception>(() => after.Database.ExecuteSqlRawAsync("DELETE FROM assessment_approvals"));
        Assert.Contains("permanent", changed.Message, StringComparison.Ordinal);
        Assert.Contains("permanent", deleted.Message, StringComparison.Ordinal);
    }

    private static EscalationDbContext Context(TestDatabase database) => OldDirectoryRows.Context(database);

    // The columns of the assessments table as migration Assessments (SQLite) and Initial (PostgreSQL) made it.
    private static Task<int> InsertOldAsync(EscalationDbContext db, bool sqlite, Guid id, string child, Guid? approver, Guid assessor,
        Guid agency, DateTimeOffset at) => sqlite
        ? db.Database.ExecuteSqlAsync($"""
            INSERT INTO assessments (id, definition_id, definition_version, child_reference, child_age_years, answers, age_band, rule,
                required_actions, explanation, actions_taken, referred, rationale, approver_id, review_date, assessed_by_id, agency_id, created_at)
            VALUES ({Text(id)}, 'sexual-activity', 1, {child}, 12, {NoAnswers}, 'under-13', 'under-13', '["refer-csc","notify-police"]', 'Under 13.',
                '["consult-dsl"]', 0, 'Exceptional.', {(approver is { } a ? Text(a) : null)}, '2027-01-11', {Text(assessor)}, {Text(agency)}, {at.UtcTicks})
            """)
        : db.Database.ExecuteSqlAsync($"""
            INSERT INTO assessments (id, definition_id, definition_version, child_reference, child_age_years, answers, age_band, rule,
                required_actions, explanation, actions_taken, referred, rationale, approver_id, review_date, assessed_by_id, agency_id, created_at)
            VALUES ({id}, 'sexual-activity', 1, {child}, 12, {NoAnswers}, 'under-13', 'under-13', {Required}, 'Under 13.',
                {Taken}, false, 'Exceptional.', {approver}, DATE '2027-01-11', {assessor}, {agency}, {at})
            """);

    private static string Text(Guid id) => OldDirectoryRows.Text(id);
}
