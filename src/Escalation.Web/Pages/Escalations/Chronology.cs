using Escalation.Core.Engine;
using Escalation.Core.Policies;
using Escalation.Web.Pages.Display;

namespace Escalation.Web.Pages.Escalations;

/// <summary>One entry of the escalation's history, in words.</summary>
internal sealed record TimelineItem(string Title, string When, string By, string? Note);

/// <summary>Every history entry of an escalation in words, oldest first: the escalation page's history and the printable chronology.</summary>
internal static class Chronology
{
    public static IEnumerable<TimelineItem> Of(EscalationView view, DateText dates) =>
        view.Escalation.History.Select(h => new TimelineItem(
            Title(h.Type, h.Stage, view.Policy), dates.DateAndTime(h.At), h.ById is null ? "Automatically, by the service" : view.Name(h.ById),
            // The service's own notes repeat the title, save the words a late timer adds: when it fell due and when it was acted on.
            h.Type is "reminder-sent" or "deadline-missed" ? LateTimer.Find(h.Note) : h.Note));

    private static string Title(string type, int stage, PolicyDefinition policy) => type switch
    {
        "raised" => $"Raised at {PolicyWords.StageNameInSentence(policy, stage)}",
        "responded" => "Response added",
        "reminder-sent" => $"Reminder sent: the stage {stage} deadline is close",
        "deadline-missed" => $"Deadline missed at stage {stage}",
        "escalated" => $"Escalated to {PolicyWords.StageNameInSentence(policy, stage)}",
        "resolved" => "Resolved",
        "withdrawn" => "Withdrawn",
        _ => type,
    };
}
