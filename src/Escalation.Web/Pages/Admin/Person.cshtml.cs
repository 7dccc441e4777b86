using Escalation.Data;
using Escalation.Data.Engine;
using Escalation.Data.Entities;
using Escalation.Web.Identity;
using Escalation.Web.Pages.Display;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escalation.Web.Pages.Admin;

/// <summary>One person as an administrator sees them, with what may be done: change, re-invite, deactivate or reactivate.</summary>
internal sealed class PersonModel(EscalationDbContext db, DirectoryCache directoryCache, UserManager<Person> users, Invitations invitations,
    Departures departures, DateText dates) : PageModel
{
    [TempData]
    public string? Banner { get; set; }

    public PersonRow Row { get; private set; } = null!;

    public Guid Id { get; private set; }

    public bool HasPassword { get; private set; }

    public string? LeftOn { get; private set; }

    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostInvitationAsync(Guid id, CancellationToken ct)
    {
        var person = await users.FindByIdAsync(id.ToString());
        if (person is null)
            return NotFound();
        Refusal = await invitations.ResendAsync(person, ct);
        if (Refusal is not null)
        {
            await LoadAsync(id, ct);
            return Page();
        }

        Banner = $"A new invitation has been sent to {person.Email}. The link in any earlier invitation no longer works.";
        return Redirect($"/admin/people/{id}");
    }

    public async Task<IActionResult> OnPostReactivateAsync(Guid id, CancellationToken ct)
    {
        if (await departures.ReactivateAsync(id) == DepartureOutcome.NotFound)
            return NotFound();
        await LoadAsync(id, ct);
        Banner = $"{Row.Name} has been reactivated and can sign in again.";
        return Redirect($"/admin/people/{id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var directory = await directoryCache.ReadAsync(db, ct);
        if (directory.Find(id) is not { } person)
            return false;
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        Id = id;
        Row = PeopleModel.ToRow(person, directory, agencies);
        HasPassword = await db.Users.AnyAsync(u => u.Id == id && u.PasswordHash != null, ct);
        LeftOn = person.DeactivatedAt is { } left ? dates.DateAndTime(left) : null;
        return true;
    }
}
