using Escalation.Core.Engine;
using Escalation.Data;
using Escalation.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Escalation.Web.Tests.TestSupport;

/// <summary>
/// A small partnership for integration tests: a school and Children's Social Care, each with a practitioner,
/// a line manager and a senior, plus the board's business officer and chair.
/// </summary>
public sealed record TestPartnership(
    Guid SchoolId, Guid CscId,
    Guid Teacher, Guid TeacherManager, Guid SchoolSenior,
    Guid SocialWorker, Guid SocialWorkerManager, Guid CscSenior,
    Guid BoardOfficer, Guid Chair, Guid Outsider)
{
    public static async Task<TestPartnership> SeedAsync(EscalationDbContext db)
    {
        // The host creates the roles at start-up.
        var roles = await db.Roles.ToDictionaryAsync(r => r.Name!, StringComparer.Ordinal);
        var school = new Agency { Id = Guid.NewGuid(), Name = "Riverside Primary School", Kind = AgencyKind.School };
        var csc = new Agency { Id = Guid.NewGuid(), Name = "Children's Social Care", Kind = AgencyKind.ChildrensSocialCare };
        var board = new Agency { Id = Guid.NewGuid(), Name = "Safeguarding Children Partnership", Kind = AgencyKind.Other };
        var police = new Agency { Id = Guid.NewGuid(), Name = "County Police", Kind = AgencyKind.Police };
        db.Agencies.AddRange(school, csc, board, police);

        Person Add(string name, Agency agency, Guid? managerId, params string[] roleNames)
        {
            var email = name.ToLowerInvariant().Replace(' ', '.') + "@example.org";
            var person = new Person
            {
                Id = Guid.NewGuid(), Name = name, Email = email, UserName = email,
                NormalizedEmail = email.ToUpperInvariant(), NormalizedUserName = email.ToUpperInvariant(),
                AgencyId = agency.Id, ManagerId = managerId, SecurityStamp = Guid.NewGuid().ToString(),
            };
            db.Users.Add(person);
            foreach (var role in roleNames)
            {
                db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = person.Id, RoleId = roles[role].Id });
            }

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
        var outsider = Add("Olu Officer", police, null, Roles.Practitioner);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        return new TestPartnership(school.Id, csc.Id, teacher.Id, teacherManager.Id, schoolSenior.Id,
            socialWorker.Id, socialWorkerManager.Id, cscSenior.Id, boardOfficer.Id, chair.Id, outsider.Id);
    }

    /// <summary>A valid escalation from the teacher about the social worker's decision.</summary>
    public RaiseRequest Raise(string track = "standard", int startAtStage = 1, string? reason = null) => new(
        ChildReference: "CH-1042", ChildAgeYears: 14, RespondentId: SocialWorker, Category: "below-threshold", LevelOfNeed: 3,
        DecisionChallenged: "Referral closed with no further action", DecisionDate: new DateOnly(2026, 12, 17),
        Concern: "Repeated disclosures at school", DesiredOutcome: "A strategy discussion", Track: track,
        StartAtStage: startAtStage, StartAtStageReason: reason, UrgentReason: null,
        ChildAtImmediateRisk: false, ImmediateReferralMade: false);
}
