namespace Escalation.Web.Pages.Display;

/// <summary>One link in the service navigation.</summary>
public sealed record NavItem(string Href, string Text, bool Current);
