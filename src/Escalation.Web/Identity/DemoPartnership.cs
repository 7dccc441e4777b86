using Escalation.Core.Engine;
using Escalation.Data;
using Escalation.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Escalation.Web.Identity;

/// <summary>
/// A demonstration partnership (<c>Escalation:Seed=demo</c>, or the Development environment), seeded only into an empty database. In each agency:
/// a senior, a manager, and two practitioners managed by the manager. The README lists the accounts.
/// </summary>
internal static class DemoPartnership
{
    public const string DefaultPassword = "demo-password-2026";

    /// <summary>The demo account the start-up log names: a practitioner at the primary school.</summary>
    public const string FirstAccount = "practitioner1@riverside.example.org";

    private static readonly (string Name, string Slug, AgencyKind Kind, string[] People)[] Agencies =
    [
        ("Westshire Children's Social Care", "csc", AgencyKind.ChildrensSocialCare, ["Priya Shah", "Tom Hughes", "Sol Adeyemi", "Jess Clarke"]),
        ("Westshire Police", "police", AgencyKind.Police, ["Karen Doyle", "Mark Ellis", "Amir Khan", "Lucy Price"]),
        ("Westshire Community Health Trust", "health", AgencyKind.Health, ["Helen Ward", "Ravi Patel", "Nora Quinn", "Ben Foster"]),
        ("Riverside Medical Practice", "gp", AgencyKind.GeneralPractice, ["Dr Ann Lee", "Carl Stone", "Dr Ifeoma Obi", "Dr Sam Reid"]),
        ("Riverside Primary School", "riverside", AgencyKind.School, ["Gill Martin", "Mina Ali", "Tess Turner", "Owen Bell"]),
        ("Hilltop Academy", "hilltop", AgencyKind.School, ["Ray Cole", "Zara Hussain", "Dan Webb", "Ella Moss"]),
        ("Westshire Youth Service", "youth", AgencyKind.YouthService, ["Pat Green", "Leo Grant", "Maya Singh", "Joe Kerr"]),
    ];

    public static async Task<bool> SeedIfEmptyAsync(EscalationDbContext db, UserManager<Person> users, string password, CancellationToken ct)
    {
        if (await db.Agencies.AnyAsync(ct) || await db.Escalations.AnyAsync(ct))
            return false;

        // Every demonstration account has the one published password, so it is checked and hashed once, not once an
        // account: hashing is deliberately slow, and this took most of a first start (P5, published: 4.7 s, now 2.5 s).
        foreach (var validator in users.PasswordValidators)
            StartupAccounts.Check(await validator.ValidateAsync(users, new Person { Name = "demo" }, password), "demo accounts' password");
        var passwordHash = users.PasswordHasher.HashPassword(new Person { Name = "demo" }, password);

        foreach (var (name, slug, kind, people) in Agencies)
        {
            var agency = await AddAgencyAsync(db, name, kind, ct);
            var senior = await AddPersonAsync(users, people[0], $"senior@{slug}.example.org", agency, null, passwordHash, Roles.Senior);
            var manager = await AddPersonAsync(users, people[1], $"manager@{slug}.example.org", agency, senior.Id, passwordHash, Roles.Manager);
            await AddPersonAsync(users, people[2], $"practitioner1@{slug}.example.org", agency, manager.Id, passwordHash, Roles.Practitioner);
            await AddPersonAsync(users, people[3], $"practitioner2@{slug}.example.org", agency, manager.Id, passwordHash, Roles.Practitioner);
        }

        var board = await AddAgencyAsync(db, "Westshire Safeguarding Children Partnership", AgencyKind.Partnership, ct);
        await AddPersonAsync(users, "Beth Morgan", "officer1@partnership.example.org", board, null, passwordHash, Roles.BoardBusinessUnit);
        await AddPersonAsync(users, "Kofi Mensah", "officer2@partnership.example.org", board, null, passwordHash, Roles.BoardBusinessUnit);
        await AddPersonAsync(users, "Judith Rowe", "chair@partnership.example.org", board, null, passwordHash, Roles.BoardChair);
        await AddPersonAsync(users, "Alan Price", "viewer@partnership.example.org", board, null, passwordHash, Roles.ReportViewer);
        await AddPersonAsync(users, "Rosa Lindqvist", "admin@partnership.example.org", board, null, passwordHash, Roles.Admin);
        return true;
    }

    private static async Task<Agency> AddAgencyAsync(EscalationDbContext db, string name, AgencyKind kind, CancellationToken ct)
    {
        var agency = new Agency { Id = Guid.CreateVersion7(), Name = name, Kind = kind };
        db.Agencies.Add(agency);
        await db.SaveChangesAsync(ct);
        return agency;
    }

    private static async Task<Person> AddPersonAsync(UserManager<Person> users, string name, string email, Agency agency, Guid? managerId,
        string passwordHash, string role)
    {
        var person = new Person
        {
            Id = Guid.CreateVersion7(), Name = name, Email = email, UserName = email, AgencyId = agency.Id, ManagerId = managerId,
            EmailConfirmed = true, PasswordHash = passwordHash,
        };
        StartupAccounts.Check(await users.CreateAsync(person), $"demo account {email}");
        StartupAccounts.Check(await users.AddToRoleAsync(person, role), $"demo account {email}");
        return person;
    }
}
