using Escalation.Data;
using Escalation.Data.Engine;
using Escalation.Data.Entities;
using Escalation.Web.Pages.Govuk;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Escalation.Web.Pages.Admin;

/// <summary>Changes a person's name, email, agency, roles and manager, by the same rules as adding them.</summary>
internal sealed class EditPersonModel(EscalationDbContext db, DirectoryCache directoryCache, UserManager<Person> users, PersonEdits edits) : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? AgencyId { get; set; }

    [BindProperty]
    public List<string> SelectedRoles { get; set; } = [];

    [BindProperty]
    public string? ManagerId { get; set; }

    [TempData]
    public string? Banner { get; set; }

    public Guid Id { get; private set; }

    public IReadOnlyList<Choice> Agencies { get; private set; } = [];

    public IReadOnlyList<Choice> Managers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var person = await users.FindByIdAsync(id.ToString());
        if (person is null || person.DeactivatedAt is not null)
            return NotFound();
        Name = person.Name;
        Email = person.Email;
        AgencyId = person.AgencyId.ToString();
        ManagerId = person.ManagerId?.ToString();
        SelectedRoles = [.. await users.GetRolesAsync(person)];
        await LoadAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var person = await users.FindByIdAsync(id.ToString());
        if (person is null || person.DeactivatedAt is not null)
            return NotFound();
        var details = new PersonDetails(Name, Email, Guid.TryParse(AgencyId, out var agency) ? agency : null, SelectedRoles,
            Guid.TryParse(ManagerId, out var manager) ? manager : null);
        var errors = await edits.ValidateAsync(details, id, ct);
        if (errors.Count == 0 && await edits.UpdateAsync(person, details, ct) is { Count: > 0 } failures)
            errors["email"] = [.. failures];
        if (errors.Count == 0)
        {
            Banner = $"{person.Name}'s details have been saved.";
            return Redirect($"/admin/people/{id}");
        }

        foreach (var (field, messages) in errors)
        {
            var (property, message) = field switch
            {
                "name" => (nameof(Name), messages[0]),
                "email" => (nameof(Email), messages[0]),
                "agencyId" => (nameof(AgencyId), messages[0]),
                "roles" => (nameof(SelectedRoles), PersonEdits.RolesMessage),
                _ => (nameof(ManagerId), messages[0]),
            };
            ModelState.AddModelError(property, message);
        }

        await LoadAsync(id, ct);
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Id = id;
        (Agencies, var managers) = await ManagerChoices.LoadAsync(db, directoryCache, ct);
        Managers = [.. managers.Where(m => m.Value != id.ToString())];
    }
}
