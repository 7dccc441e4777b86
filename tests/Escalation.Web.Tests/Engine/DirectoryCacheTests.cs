using Escalation.Core.Engine;
using Escalation.Data;
using Escalation.Data.Engine;
using Escalation.Data.Entities;
using Escalation.Web.Tests.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Escalation.Web.Tests.Engine;

/// <summary>The directory kept in memory, on a real SQLite file: every change the snapshot shows is seen at the next read.</summary>
public sealed class DirectoryCacheTests() : DirectoryCacheScenarios(new SqliteTestDatabases());

/// <summary>The same on PostgreSQL, where two copies of the service share the database.</summary>
[Trait("Category", "Postgres")]
[Collection(PostgresGroup.Name)]
public sealed class PostgresDirectoryCacheTests(TestPostgresFixture postgres)
    : DirectoryCacheScenarios(new PostgresTestDatabases(postgres.Server));

public abstract class DirectoryCacheScenarios(ITestDatabases databases) : IAsyncLifetime, IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 18, 10, 0, 0, TimeSpan.Zero);

    private TestDatabase? _database;
    private EngineHost? _host;
    private EngineHost? _second;
    private TestPartnership? _people;

    private EngineHost Host => _host ?? throw new InvalidOperationException("The host is made in InitializeAsync.");

    private TestPartnership People => _people ?? throw new InvalidOperationException("Seeded in InitializeAsync.");

    public async Task InitializeAsync()
    {
        _database = await databases.CreateAsync();
        _host = new EngineHost(new FakeTimeProvider(Now), _database);
        _people = await Host.SeedAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _second?.Dispose();
        _host?.Dispose();
        (databases as IDisposable)?.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Read_TwiceWithNothingChanged_GivesTheSameSnapshot()
    {
        var first = await ReadAsync(Host);
        var second = await ReadAsync(Host);

        Assert.Same(first, second);
        Assert.Equal("Tess Teacher", second.Find(People.Teacher)!.Name);
    }

    [Fact]
    public async Task Read_AfterAPersonIsAddedThroughAccounts_IncludesThemWithTheirRole()
    {
        var before = await ReadAsync(Host);
        var added = await Host.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<Person>>();
            var person = new Person
            {
                Id = Guid.NewGuid(), Name = "Nia Nurse", Email = "nia.nurse@example.org", UserName = "nia.nurse@example.org",
                AgencyId = People.SchoolId, ManagerId = People.TeacherManager,
            };
            Assert.True((await users.CreateAsync(person)).Succeeded);
            Assert.True((await users.AddToRoleAsync(person, Roles.Practitioner)).Succeeded);
            return person.Id;
        });

        var after = await ReadAsync(Host);

        Assert.Null(before.Find(added));
        Assert.Equal("Nia Nurse", after.Find(added)!.Name);
        Assert.Contains(after.InRole(Roles.Practitioner, People.SchoolId), p => p.Id == added);
    }

    [Fact]
    public async Task Read_AfterARoleIsGivenAndTaken_ShowsEachChange()
    {
        await ReadAsync(Host);
        await WithUserAsync(People.Teacher, (users, teacher) => users.AddToRoleAsync(teacher, Roles.Manager));
        var given = await ReadAsync(Host);
        await WithUserAsync(People.Teacher, (users, teacher) => users.RemoveFromRoleAsync(teacher, Roles.Manager));
        var taken = await ReadAsync(Host);

        Assert.True(given.Find(People.Teacher)!.HasRole(Roles.Manager));
        Assert.False(taken.Find(People.Teacher)!.HasRole(Roles.Manager));
    }

    [Fact]
    public async Task Read_AfterTheManagerIsChangedByHandWrittenSql_ShowsTheNewManager()
    {
        await ReadAsync(Host);
        await ExecuteAsync(Host, (db, sql) => db.Database.ExecuteSqlRawAsync(
            "UPDATE users SET manager_id = {0} WHERE id = {1}", sql.Id(People.SchoolSenior), sql.Id(People.Teacher)));

        var after = await ReadAsync(Host);

        Assert.Equal(People.SchoolSenior, after.Find(People.Teacher)!.ManagerId);
    }

    [Fact]
    public async Task Read_AfterAPersonIsRemoved_NoLongerFindsThem()
    {
        await ReadAsync(Host);
        await WithUserAsync(People.Outsider, (users, outsider) => users.DeleteAsync(outsider));

        var after = await ReadAsync(Host);

        Assert.Null(after.Find(People.Outsider));
    }

    [Fact]
    public async Task Read_AfterOnlyAFailedSignInWasCounted_KeepsTheSnapshot()
    {
        var before = await ReadAsync(Host);
        await WithUserAsync(People.Teacher, (users, teacher) => users.AccessFailedAsync(teacher));

        var after = await ReadAsync(Host);

        Assert.Same(before, after);
    }

    [Fact]
    public async Task TwoCopiesOnOneDatabase_ANameChangedThroughOne_IsSeenByTheOther()
    {
        _second = new EngineHost(new FakeTimeProvider(Now), _database!);
        var before = await ReadAsync(_second);
        await WithUserAsync(People.Teacher, async (users, teacher) =>
        {
            teacher.Name = "Tess Taylor";
            return await users.UpdateAsync(teacher);
        });

        var after = await ReadAsync(_second);

        Assert.Equal("Tess Teacher", before.Find(People.Teacher)!.Name);
        Assert.Equal("Tess Taylor", after.Find(People.Teacher)!.Name);
    }

    [Fact]
    public async Task Read_InsideATransactionThatIsRolledBack_NeverKeepsWhatItSaw()
    {
        await ReadAsync(Host);
        var ghost = Guid.NewGuid();
        await Host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<EscalationDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Users.Add(new Person { Id = ghost, Name = "Gil Ghost", Email = "gil@example.org", AgencyId = People.SchoolId });
            await db.SaveChangesAsync();
            var inside = await sp.GetRequiredService<DirectoryCache>().ReadAsync(db, default);
            Assert.NotNull(inside.Find(ghost));
            await transaction.RollbackAsync();
            return 0;
        });
        // A committed change moves the version on by as much as the rolled-back one did.
        await ExecuteAsync(Host, (db, sql) => db.Database.ExecuteSqlRawAsync(
            "UPDATE users SET name = 'Olu Okafor' WHERE id = {0}", sql.Id(People.Outsider)));

        var after = await ReadAsync(Host);

        Assert.Null(after.Find(ghost));
        Assert.Equal("Olu Okafor", after.Find(People.Outsider)!.Name);
    }

    [Fact]
    public async Task Read_WithNoVersionRow_ReadsThePeopleEveryTime()
    {
        await ExecuteAsync(Host, (db, _) => db.Database.ExecuteSqlRawAsync("DELETE FROM directory_version"));
        var first = await ReadAsync(Host);
        await ExecuteAsync(Host, (db, sql) => db.Database.ExecuteSqlRawAsync(
            "UPDATE users SET name = 'Olu Okafor' WHERE id = {0}", sql.Id(People.Outsider)));

        var second = await ReadAsync(Host);

        Assert.NotSame(first, second);
        Assert.Equal("Olu Okafor", second.Find(People.Outsider)!.Name);
    }

    private static Task<DirectorySnapshot> ReadAsync(EngineHost host) =>
        host.InScopeAsync(sp => sp.GetRequiredService<DirectoryCache>().ReadAsync(sp.GetRequiredService<EscalationDbContext>(), default));

    private static Task<int> ExecuteAsync(EngineHost host, Func<EscalationDbContext, Data.Sql.SqlDialect, Task<int>> work) =>
        host.InScopeAsync(sp => work(sp.GetRequiredService<EscalationDbContext>(), sp.GetRequiredService<Data.Sql.SqlDialect>()));

    private Task<IdentityResult> WithUserAsync(Guid id, Func<UserManager<Person>, Person, Task<IdentityResult>> change) =>
        Host.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<Person>>();
            var person = await users.FindByIdAsync(id.ToString()) ?? throw new InvalidOperationException($"No person {id}.");
            var result = await change(users, person);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
            return result;
        });
}
