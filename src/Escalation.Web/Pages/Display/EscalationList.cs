namespace Escalation.Web.Pages.Display;

/// <summary>One line of a list of escalations on the home page.</summary>
public sealed record EscalationListItem(Guid Id, string Reference, string ChildReference, IReadOnlyList<StatusTag> Tags, string Progress, string Parties);

/// <summary>A part of the home page: its escalations, or a sentence when it has none.</summary>
public sealed record EscalationList(string Id, IReadOnlyList<EscalationListItem> Items, string EmptyText);
