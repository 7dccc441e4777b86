using Escalation.Web.Api;

namespace Escalation.Web.Pages.Display;

/// <summary>A GOV.UK tag: the escalation's status, its track and whether it is overdue.</summary>
public sealed record StatusTag(string Text, string Colour)
{
    internal static IReadOnlyList<StatusTag> For(string status, string track, bool overdue)
    {
        var tags = new List<StatusTag>
        {
            status switch
            {
                "resolved" => new StatusTag("Resolved", "govuk-tag--green"),
                "withdrawn" => new StatusTag("Withdrawn", "govuk-tag--grey"),
                _ => new StatusTag("Open", "govuk-tag--blue"),
            },
        };
        if (track == "urgent")
            tags.Add(new StatusTag("Urgent", "govuk-tag--orange"));
        if (overdue)
            tags.Add(new StatusTag("Overdue", "govuk-tag--red"));
        return tags;
    }

    internal static IReadOnlyList<StatusTag> For(EscalationDto e) => For(e.Status, e.Track, e.Stage.Overdue);

    internal static IReadOnlyList<StatusTag> For(EscalationSummaryDto e) => For(e.Status, e.Track, e.Stage.Overdue);
}
