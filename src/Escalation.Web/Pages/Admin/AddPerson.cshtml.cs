using Escalation.Core.Engine;
using Escalation.Data;
using Escalation.Data.Engine;
using Escalation.Web.Pages.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Escalation.Web.Pages.Admin;

internal sealed class AddPersonModel(EscalationDbContext db, PeopleDirectory directory, DirectoryCache directoryCache) : PageModel
{
    public static readonly IReadOnlyList<Choice> RoleChoices =
    [
        new(Roles.Practitioner, "Practitioner", "Raises escalations and answers them"),
        new(Roles.Manager, "Manager", "Line manager of practitioners"),
        new(Roles.Senior, "Senior", "Head of service, or designated or named safeguarding professional"),
        new(Roles.BoardBusinessUnit, "Board business unit", "The partnership's business manager and officers"),
        new(Roles.BoardChair, "Board chair"),
        new(Roles.ReportViewer, "Report viewer", "Sees the board's reports only"),
        new(Roles.Admin, "Administrator", "Manages agencies, people and policies"),
    ];

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

    public IReadOnlyList<Choice> Agencies { get; private set; } = [];

    public IReadOnlyList<Choice> Managers { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var problems = await directory.AddAsync([new PersonInput(Name, Email, AgencyId, SelectedRoles, ManagerId)], ct);
        if (problems.Count == 0)
        {
            Banner = $"{Name!.Trim()} has been added and sent an invitation.";
            return Redirect("/admin/people");
        }

        foreach (var problem in problems)
        {
            var field = problem.Field switch
            {
                "name" => nameof(Name), "email" => nameof(Email), "agency" => nameof(AgencyId), "roles" => nameof(SelectedRoles), _ => nameof(ManagerId),
            };
            ModelState.AddModelError(field, problem.Message);
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) => (Agencies, Managers) = await ManagerChoices.LoadAsync(db, directoryCache, ct);
}
