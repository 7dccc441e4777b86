using Escalation.Core.Policies;
using Escalation.Web.Pages.Display;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Escalation.Web.Pages.Policies;

/// <summary>One policy version: its timescales in words, and a Mermaid diagram generated from its definition.</summary>
internal sealed class DiagramModel(PolicyCatalog catalog) : PageModel
{
    /// <summary>
    /// Mermaid draws in the browser and writes inline styles into its SVG, so this page (and only this page) allows
    /// inline styles. Scripts still come only from this site.
    /// </summary>
    public const string DiagramCsp = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'; object-src 'none'";

    public PolicyDefinition Policy { get; private set; } = null!;

    /// <summary>The generated definition, as <c>GET /api/policies/{id}/diagram</c> gives it.</summary>
    public string Source { get; private set; } = string.Empty;

    /// <summary>The definition with an accessible title and description for the drawing.</summary>
    public string Mermaid { get; private set; } = string.Empty;

    public IActionResult OnGet(string id, int version)
    {
        if (catalog.Find(id, version) is not { } policy)
            return NotFound();

        Policy = policy;
        Source = PolicyDiagram.ToMermaid(policy);
        var lines = Source.Split('\n').ToList();
        lines.Insert(1, $"    accTitle: {Plain(policy.Title)}, version {policy.Version}");
        lines.Insert(2, $"    accDescr: The {policy.Stages.Count} stages of the policy and how an escalation moves between them, as described above.");
        Mermaid = string.Join('\n', lines);
        Response.Headers.ContentSecurityPolicy = DiagramCsp;
        return Page();
    }

    public string Deadline(Track track, int stage) =>
        Policy.Tracks.ContainsKey(track) && Policy.Timescale(track, stage) is { } timescale
            ? $"{PolicyWords.Deadline(timescale.Deadline)}. Reminder: {PolicyWords.Reminder(timescale.Reminder).ToLowerInvariant()}"
            : "None";

    private static string Plain(string text) => new([.. text.Where(c => c is not ('\n' or '\r' or ':' or ';' or '#'))]);
}
