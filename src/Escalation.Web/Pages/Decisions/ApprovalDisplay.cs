using Escalation.Core.Decisions;
using Escalation.Services.Decisions;
using Escalation.Web.Pages.Display;

namespace Escalation.Web.Pages.Decisions;

/// <summary>How a page shows an assessment's approval: a GOV.UK tag, and a sentence saying who, when and why.</summary>
internal static class ApprovalDisplay
{
    public static StatusTag? Tag(Data.Entities.AssessmentApproval? approval) => approval?.Status switch
    {
        ApprovalStatus.Pending => new StatusTag("Approval pending", "govuk-tag--yellow"),
        ApprovalStatus.Approved => new StatusTag("Approved", "govuk-tag--green"),
        ApprovalStatus.Declined => new StatusTag("Not approved", "govuk-tag--red"),
        _ => null,
    };

    public static string Sentence(AssessmentView view, DateText dates)
    {
        var approval = view.Approval!;
        var who = view.Approver?.Name ?? "The senior manager";
        var when = approval.DecidedAt is { } at ? dates.DateAndTime(at) : string.Empty;
        return approval.Status switch
        {
            ApprovalStatus.Approved => $"Approved by {who}, {when}",
            ApprovalStatus.Declined => $"Declined by {who}, {when}",
            _ => $"Waiting for {who} to approve or decline",
        };
    }
}
