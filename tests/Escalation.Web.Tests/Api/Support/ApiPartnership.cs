using Escalation.Core.Engine;
using Escalation.Data;
using Escalation.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Escalation.Web.Tests.Api.Support;

/// <summary>The seeded people, by the part they play in the tests.</summary>
public enum Who
{
    Teacher,
    TeacherManager,
    SchoolSenior,
    SocialWorker,
    SocialWorkerManager,
    CscSenior,
    PolicePractitioner,
    PoliceManager,
    PoliceSenior,
    BoardOfficer,
    Chair,
    ReportViewer,
    Admin,
}

public sealed record SeededPerson(Guid Id, string Name, string Email, Guid AgencyId);

/// <summary>
/// A school and Children's Social Care, each with a practitioner, their line manager and a senior; a police force with
/// the same three roles, who are party to nothing; the board's officer, chair and report viewer; an administrator.
/// </summary>
public sealed class ApiPartnership
{
    private readonly Dictionary<Who, SeededPerson> _people = [];

    private ApiPartnership(Guid school, Guid csc, Guid police, Guid board)
    {
        SchoolId = school;
        CscId = csc;
        PoliceId = police;
        BoardId = board;
    }

    public Guid SchoolId { get; }

    public Guid CscId { get; }

    public Guid PoliceId { get; }

    public Guid BoardId { get; }

    public SeededPerson this[Who who] => _people[who];

    public static async Task<ApiPartnership> SeedAsync(IServiceProvider services)
    {
        var db = services.GetRequiredService<EscalationDbContext>();
        var users = services.GetRequiredService<UserManager<Person>>();
        Agency Agency(string name, AgencyKind kind)
        {
            var agency = new Agency { Id = Guid.NewGuid(), Name = name, Kind = kind };
            db.Agencies.Add(agency);
            return agency;
        }

        var school = Agency("Riverside Primary School", AgencyKind.School);
        var csc = Agency("Westshire Children's Social Care", AgencyKind.ChildrensSocialCare);
        var police = Agency("Westshire Police", AgencyKind.Police);
        var board = Agency("Westshire Safeguarding Children Partnership", AgencyKind.Other);
        await db.SaveChangesAsync();

        // One real hash (PBKDF2, ~100 ms) shared by every account: the hash does not depend on the person.
        var hash = services.GetRequiredService<IPasswordHasher<Person>>().HashPassword(new Person { Name = "-" }, ApiHost.Password);
        var partnership = new ApiPartnership(school.Id, csc.Id, police.Id, board.Id);
        async Task<Guid> Add(Who who, string name, Agency agency, Guid? managerId, string role)
        {
            var email = $"{who}@example.org".ToLowerInvariant();
            var person = new Person
            {
                Id = Guid.NewGuid(), Name = name, Email = email, UserName = email, AgencyId = agency.Id, ManagerId = managerId,
                EmailConfirmed = true, PasswordHash = hash,
            };
            Check(await users.CreateAsync(person));
            Check(await users.AddToRoleAsync(person, role));
            partnership._people[who] = new SeededPerson(person.Id, name, email, agency.Id);
            return person.Id;
        }

        var schoolSenior = await Add(Who.SchoolSenior, "Sam Senior", school, null, Roles.Senior);
        var teacherManager = await Add(Who.TeacherManager, "Mina Manager", school, schoolSenior, Roles.Manager);
        await Add(Who.Teacher, "Tess Teacher", school, teacherManager, Roles.Practitioner);
        var cscSenior = await Add(Who.CscSenior, "Cal Senior", csc, null, Roles.Senior);
        var socialWorkerManager = await Add(Who.SocialWorkerManager, "Mo Manager", csc, cscSenior, Roles.Manager);
        await Add(Who.SocialWorker, "Sol Worker", csc, socialWorkerManager, Roles.Practitioner);
        var policeSenior = await Add(Who.PoliceSenior, "Pat Inspector", police, null, Roles.Senior);
        var policeManager = await Add(Who.PoliceManager, "Pip Sergeant", police, policeSenior, Roles.Manager);
        await Add(Who.PolicePractitioner, "Olu Constable", police, policeManager, Roles.Practitioner);
        await Add(Who.BoardOfficer, "Bea Officer", board, null, Roles.BoardBusinessUnit);
        await Add(Who.Chair, "Cy Chair", board, null, Roles.BoardChair);
        await Add(Who.ReportViewer, "Rory Viewer", board, null, Roles.ReportViewer);
        await Add(Who.Admin, "Ada Admin", board, null, Roles.Admin);
        return partnership;
    }

    private static void Check(IdentityResult result) =>
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
}
