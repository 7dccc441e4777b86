using Escalation.Core.Engine;
using Escalation.Data;
using Escalation.Data.Entities;
using Microsoft.AspNetCore.Identity;

namespace Escalation.Notifications.Tests.TestSupport;

/// <summary>
/// A small partnership (copied from the web tests' approach): a school and Children's Social Care, each with a
/// practitioner, a line manager and a senior, plus the board's business officer and chair.
/// </summary>
public sealed record TestPartnership(
    Guid Teacher, Guid TeacherManager, Guid SchoolSenior,
    Guid SocialWorker, Guid SocialWorkerManager, Guid CscSenior,
    Guid BoardOfficer, Guid Chair)
{
    public static async Task<TestPartnership> SeedAsync(EscalationDbContext db)
    {
        var roles = Roles.All.ToDictionary(r => r, r => new IdentityRole<Guid>(r) { Id = Guid.NewGuid(), NormalizedName = r.ToUpperInvariant() });
        db.Roles.AddRange(roles.Values);
        var school = new Agency { Id = Guid.NewGuid(), Name = "Riverside Primary School", Kind = AgencyKind.School };
        var csc = new Agency { Id = Guid.NewGuid(), Name = "Children's Social Care", Kind = AgencyKind.ChildrensSocialCare };
        var board = new Agency { Id = Guid.NewGuid(), Name = "Safeguarding Children Partnership", Kind = AgencyKind.Other };
        db.Agencies.AddRange(school, csc, board);

        Person Add(string name, Agency agency, Guid? managerId, string role)
        {
            var email = name.ToLowerInvariant().Replace(' ', '.') + "@example.org";
            var person = new Person
            {
                Id = Guid.NewGuid(), Name = name, Email = email, UserName = email,
                NormalizedEmail = email.ToUpperInvariant(), NormalizedUserName = email.ToUpperInvariant(),
                AgencyId = agency.Id, ManagerId = managerId, SecurityStamp = Guid.NewGuid().ToString(),
            };
            db.Users.Add(person);
            db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = person.Id, RoleId = roles[role].Id });
            return person;
        }

        var schoolSenior = Add("Sam Senior", school, null, Roles.Senior);
        var teacherManager = Add("Mina Manager", school, schoolSenior.Id, Roles.Manager);
        var teacher = Add("Tess Teacher", school, teacherManager.Id, Roles.Practitioner);
        var cscSenior = Add("Cal Senior", csc, null, Roles.Senior);
        var socialWorkerManager = Add("Mo Manager", csc, cscSenior.Id, Roles.Manager);
        var socialWorker = Add("Sol Worker", csc, socialWorkerManager.Id, Roles.Practitioner);
        var boardOfficer = Add("Bea Officer", board, null, Roles.BoardBusinessUnit);
        var chair = Add("Cy Chair", board, null, Roles.BoardChair);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        return new TestPartnership(teacher.Id, teacherManager.Id, schoolSenior.Id, socialWorker.Id, socialWorkerManager.Id, cscSenior.Id,
            boardOfficer.Id, chair.Id);
    }

    public const string SecretConcern = "CONCERN-TEXT-MUST-NOT-LEAK";
    public const string SecretDecision = "DECISION-TEXT-MUST-NOT-LEAK";

    /// <summary>A valid escalation from the teacher about the social worker's decision, with marked concern and decision text.</summary>
    public RaiseRequest Raise(string childReference = "CH-1042", string track = "standard", int startAtStage = 1) => new(
        ChildReference: childReference, ChildAgeYears: 14, RespondentId: SocialWorker, Category: "below-threshold", LevelOfNeed: 3,
        DecisionChallenged: SecretDecision, DecisionDate: new DateOnly(2026, 12, 17),
        Concern: SecretConcern, DesiredOutcome: "A strategy discussion", Track: track,
        StartAtStage: startAtStage, StartAtStageReason: startAtStage == 1 ? null : "The managers have already met", UrgentReason: null, ChildAtImmediateRisk: false, ImmediateReferralMade: false);
}
