using Escalation.Core.Engine;
using Escalation.Core.Policies;
using Escalation.Core.Tests.Calendar;
using Escalation.Core.Tests.TestSupport;

namespace Escalation.Core.Tests.Engine;

/// <summary>
/// Builders for engine tests: the shipped default policy (loaded once), the real London calendar, the one transition
/// table, and a small partnership of people in agencies.
/// </summary>
internal static class TestData
{
    private static readonly Lazy<PolicyDefinition> LazyPolicy =
        new(() => PolicyLoader.Load(Path.Combine(RepoPaths.Workflows, "professional-differences.json")));

    private static readonly Lazy<TransitionTable> LazyTable = new(() => new TransitionTable(Policy, TestCalendar.London));

    /// <summary>Friday 18 December 2026, 10:00 in London (GMT, so also 10:00 UTC).</summary>
    public static readonly DateTimeOffset FridayBeforeChristmas = new(2026, 12, 18, 10, 0, 0, TimeSpan.Zero);

    public static PolicyDefinition Policy => LazyPolicy.Value;

    public static TransitionTable Table => LazyTable.Value;

    public static Partnership People { get; } = new();

    public static DateTimeOffset Utc(int year, int month, int day, int hour, int minute, int second = 0) =>
        new(year, month, day, hour, minute, second, TimeSpan.Zero);

    /// <summary>How a person stands to an escalation raised by the school practitioner against the social worker.</summary>
    public static Actor As(DirectoryPerson person) =>
        new(person.Id, Relations.Of(person, People.Raiser, People.Respondent));

    public static MoveResult Apply(EscalationState? state, Move move, DirectoryPerson person, DateTimeOffset now) =>
        Table.Apply(state, move, As(person), now);

    public static MoveResult Dispatch(EscalationState? state, Move move, DateTimeOffset now) =>
        Table.Apply(state, move, Actor.System, now);

    /// <summary>The school practitioner raises; returns the whole transition.</summary>
    public static Transition RaiseTransition(
        Track track = Track.Standard, DateTimeOffset? at = null, int startAtStage = 1, string? reason = null) =>
        Allowed(Apply(null, Raise(track, startAtStage, reason ?? (startAtStage == 1 ? null : "Child at risk of harm tonight")),
            People.Raiser, at ?? FridayBeforeChristmas));

    /// <summary>A freshly raised, open escalation, optionally started above stage 1 (with a reason).</summary>
    public static EscalationState Raised(Track track = Track.Standard, DateTimeOffset? at = null, int startAtStage = 1) =>
        RaiseTransition(track, at, startAtStage).State;

    public static Raise Raise(Track track = Track.Standard, int startAtStage = 1, string? reason = null) =>
        new(Guid.Parse("7d1f0c1e-3b5a-4c1e-9a53-000000000001"), track, startAtStage, reason);

    /// <summary>An escalation closed by the raiser (resolved) or withdrawn.</summary>
    public static EscalationState Closed(EscalationStatus status) =>
        Raised() with { Status = status, Version = 2 };

    public static Transition Allowed(MoveResult result)
    {
        Assert.True(result.IsAllowed, $"Expected the move to be allowed, but: {result.Rejection}");
        Assert.Null(result.Rejection);
        return result.Transition!;
    }

    public static MoveRejected Rejected(MoveResult result, RejectionReason reason)
    {
        Assert.False(result.IsAllowed, "Expected the move to be rejected, but it was allowed.");
        Assert.Null(result.Transition);
        Assert.NotNull(result.Rejection);
        Assert.Equal(reason, result.Rejection.Reason);
        Assert.False(string.IsNullOrWhiteSpace(result.Rejection.Message));
        return result.Rejection;
    }

    public static MailIntent MailOf(Transition transition, NotificationEvent notification) =>
        Assert.Single(transition.Mails, m => m.Event == notification);
}

/// <summary>A simple in-memory directory: test data, not a mock.</summary>
internal sealed class TestDirectory : IDirectoryView
{
    private readonly List<DirectoryPerson> _people = [];

    public DirectoryPerson Add(string name, Guid agencyId, Guid? managerId, params string[] roles)
    {
        var email = name.ToUpperInvariant().Replace(' ', '.') + "@example.org";
        var person = new DirectoryPerson(Guid.NewGuid(), name, email, agencyId, managerId, new HashSet<string>(roles));
        _people.Add(person);
        return person;
    }

    /// <summary>Marks someone as having left, from the given instant.</summary>
    public DirectoryPerson Deactivate(DirectoryPerson person, DateTimeOffset at)
    {
        var left = person with { DeactivatedAt = at };
        _people[_people.FindIndex(p => p.Id == person.Id)] = left;
        return left;
    }

    public DirectoryPerson? Find(Guid id) => _people.Find(p => p.Id == id);

    /// <summary>Names for ids, so a failed assertion reads as people rather than GUIDs.</summary>
    public IEnumerable<string> NamesOf(IEnumerable<Guid> ids) => ids.Select(id => Find(id)?.Name ?? id.ToString());

    public IEnumerable<DirectoryPerson> InRole(string role, Guid? agencyId = null) =>
        _people.Where(p => p.HasRole(role) && (agencyId is null || p.AgencyId == agencyId));
}

/// <summary>
/// A small partnership: a school and Children's Social Care, each with a practitioner, a line manager and a senior;
/// the board's business officer and chair; an administrator, a report viewer, and an outsider agency.
/// </summary>
internal sealed class Partnership
{
    public Partnership()
    {
        Directory = new TestDirectory();
        SchoolSenior = Directory.Add("School Senior", School, null, Roles.Senior);
        SchoolManager = Directory.Add("School Manager", School, SchoolSenior.Id, Roles.Manager);
        Raiser = Directory.Add("School Practitioner", School, SchoolManager.Id, Roles.Practitioner);
        CscSenior = Directory.Add("CSC Senior", Csc, null, Roles.Senior);
        CscManager = Directory.Add("CSC Manager", Csc, CscSenior.Id, Roles.Manager);
        Respondent = Directory.Add("CSC Social Worker", Csc, CscManager.Id, Roles.Practitioner);
        BoardOfficer = Directory.Add("Board Officer", Board, null, Roles.BoardBusinessUnit);
        BoardChair = Directory.Add("Board Chair", Board, null, Roles.BoardChair);
        Admin = Directory.Add("Admin Person", Board, null, Roles.Admin);
        ReportViewer = Directory.Add("Report Viewer", Board, null, Roles.ReportViewer);
        OutsiderManager = Directory.Add("Police Manager", Police, null, Roles.Manager);
        OutsiderSenior = Directory.Add("Police Senior", Police, null, Roles.Senior);
        Outsider = Directory.Add("Police Officer", Police, OutsiderManager.Id, Roles.Practitioner);
    }

    public static Guid School { get; } = Guid.Parse("00000000-0000-0000-0000-00000000005c");

    public static Guid Csc { get; } = Guid.Parse("00000000-0000-0000-0000-000000000c5c");

    public static Guid Board { get; } = Guid.Parse("00000000-0000-0000-0000-0000000000b0");

    public static Guid Police { get; } = Guid.Parse("00000000-0000-0000-0000-0000000000cc");

    public TestDirectory Directory { get; }

    /// <summary>A person by property name, for theory data (e.g. <c>"CscManager"</c>).</summary>
    public DirectoryPerson Named(string property) =>
        (DirectoryPerson)(typeof(Partnership).GetProperty(property)?.GetValue(this)
            ?? throw new ArgumentException($"No person called {property}.", nameof(property)));

    public DirectoryPerson Raiser { get; }

    public DirectoryPerson SchoolManager { get; }

    public DirectoryPerson SchoolSenior { get; }

    public DirectoryPerson Respondent { get; }

    public DirectoryPerson CscManager { get; }

    public DirectoryPerson CscSenior { get; }

    public DirectoryPerson BoardOfficer { get; }

    public DirectoryPerson BoardChair { get; }

    public DirectoryPerson Admin { get; }

    public DirectoryPerson ReportViewer { get; }

    public DirectoryPerson Outsider { get; }

    public DirectoryPerson OutsiderManager { get; }

    public DirectoryPerson OutsiderSenior { get; }
}
