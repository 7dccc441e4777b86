using Escalation.Data.Entities;
using Escalation.Notifications.Admin;
using Escalation.Web.Pages.Display;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Escalation.Web.Pages.Admin;

internal sealed class FailedMailsModel(OutboxAdmin outbox, DateText dates) : PageModel
{
    [TempData]
    public string? Banner { get; set; }

    public IReadOnlyList<OutboxEntry> Mails { get; private set; } = [];

    public IReadOnlyList<OutboxEntry> Retrying { get; private set; } = [];

    /// <summary>"1 try", "3 tries".</summary>
    public static string Tries(int attempts) => attempts == 1 ? "1 try" : $"{attempts} tries";

    public static string Emails(int count) => count == 1 ? "1 email" : $"{count} emails";

    public static string Describe(string templateKey) => templateKey switch
    {
        "raised" => "New escalation",
        "stage-entered" => "Escalation moved to a new stage",
        "reminder" => "Deadline reminder",
        "deadline-missed" => "Missed deadline",
        "resolved" => "Escalation resolved",
        "withdrawn" => "Escalation withdrawn",
        "invitation" => "Invitation to set a password",
        "password-reset" => "Password reset link",
        "responded" => "Response added to an escalation",
        "person-left" => "Someone who left: who takes over",
        "decision-review-due" => "Decision review due",
        "decision-approval-requested" => "Decision approval asked",
        "decision-approval-decided" => "Decision approved or declined",
        _ => templateKey,
    };

    public string When(DateTimeOffset at) => dates.DateAndTime(at);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Mails = await outbox.ListAsync(OutboxState.Failed, 500, ct);
        Retrying = await outbox.ListRetryingAsync(500, ct);
    }

    public async Task<IActionResult> OnPostRetryAsync(Guid id, CancellationToken ct)
    {
        var retried = await outbox.RetryAsync(id, ct);
        Banner = retried ? "The email will be sent again in the next few seconds." : "That email was already being sent again.";
        return Redirect("/admin/failed-mails");
    }
}
