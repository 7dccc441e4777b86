using Escalation.Web.Api;
using Escalation.Web.Pages.Display;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Escalation.Web.Pages.Escalations.Records;

/// <summary>Every history entry of the escalation, oldest first, to print.</summary>
internal sealed class ChronologyModel(EscalationPages pages, DateText dates) : PageModel
{
    public EscalationView View { get; private set; } = null!;

    public IReadOnlyList<TimelineItem> Entries { get; private set; } = [];

    public string PrintedOn { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await pages.LoadAsync(id, User.PersonId(), ct) is not { } view)
            return NotFound();

        View = view;
        Entries = [.. Chronology.Of(view, dates)];
        PrintedOn = DateText.Date(dates.Today);
        return Page();
    }
}
