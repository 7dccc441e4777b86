using Escalation.Core.Engine;
using Escalation.Data;
using Escalation.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Escalation.TestSupport;

/// <summary>
/// A small partnership for integration tests: a school and Children's Social Care, each with a practitioner,
/// a line manager and a senior, plus the board's business officer and chair, and a police officer who takes no part.
/// </summary>
public sealed record TestPartnership(
    Guid SchoolId, Guid CscId,
    Guid Teacher, Guid TeacherManager, Guid SchoolSenior,
    Guid SocialWorker, Guid SocialWorkerManager, Guid CscSenior,
    Guid BoardOfficer, Guid Chair, Guid Outsider)
{
    public static async Task<TestPartnership> SeedAsync(EscalationDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        // The web host creates the roles at start-up; without it they are added here.
        var roles = await db.Roles.ToDictionaryAsync(r => r.Name!, StringComparer.Ordinal);
        foreach (var missing in Roles.All.Where(r => !roles.ContainsKey(r)))
        {
            roles[missing] = new IdentityRole<Guid>(missing) { Id = Guid.NewGuid(), NormalizedName = missing.ToUpperInvariant() };
            db.Roles.Add(roles[missing]);
        }

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

    /// <summary>Marks the concern text, to check it appears in no mail or log.</summary>
    public const string SecretConcern = "CONCERN-TEXT-MUST-NOT-LEAK";

    /// <summary>Marks the text of the decision challenged, to check it appears in no mail or log.</summary>
    public const string SecretDecision = "DECISION-TEXT-MUST-NOT-LEAK";

    /// <summary>
    /// A valid escalation from the teacher about the social worker's decision, with marked concern and decision text.
    /// Starting past stage 1 needs a reason: <paramref name="reason"/>, or a stock one.
    /// </summary>
    public RaiseRequest Raise(string track = "standard", int startAtStage = 1, string? reason = null, string childReference = "CH-1042") => new(
        ChildReference: childReference, ChildAgeYears: 14, RespondentId: SocialWorker, Category: "below-threshold", LevelOfNeed: 3,
        DecisionChallenged: SecretDecision, DecisionDate: new DateOnly(2026, 12, 17),
        Concern: SecretConcern, DesiredOutcome: "A strategy discussion", Track: track,
        StartAtStage: startAtStage, StartAtStageReason: reason ?? (startAtStage == 1 ? null : "The managers have already met"), UrgentReason: null,
        ChildAtImmediateRisk: false, ImmediateReferralMade: false);
}
