using Escalation.Core.Policies;
using Escalation.Data;
using Escalation.Web.Api;
using Escalation.Web.Pages.Display;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escalation.Web.Pages.Escalations.Raise;

internal sealed class ConfirmationModel(EscalationReader reader, EscalationDbContext db, PolicyCatalog catalog, DateText dates) : PageModel
{
    public EscalationDto Escalation { get; private set; } = null!;

    public IReadOnlyList<string> Told { get; private set; } = [];

    public string Progress { get; private set; } = string.Empty;

    public string Due { get; private set; } = string.Empty;

    /// <summary>Who acts at the stage it started at, from the policy: the respondent only where the practitioners act.</summary>
    public string WhoActs { get; private set; } = string.Empty;

    public string AtDeadline { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var viewer = User.PersonId();
        if (await reader.GetAsync(id, viewer, ct) is not { } escalation)
            return NotFound();

        Escalation = escalation;
        var policy = catalog.Find(escalation.Policy.Id, escalation.Policy.Version)!;
        Progress = PolicyWords.StageName(policy, escalation.Stage.Number);
        Due = "due " + dates.DueBy(escalation.Stage.DueAt);
        var stage = policy.Stage(escalation.Stage.Number);
        WhoActs = stage.WhoActs == Core.Policies.WhoActs.Parties
            ? $"{escalation.Respondent.Name} should reply to you before then."
            : $"At this stage {PolicyWords.WhoActs(stage.WhoActs)} act. They should talk and agree a way forward before then; you may be asked for information.";
        AtDeadline = stage.OnDeadline == DeadlineAction.Escalate && policy.NextStage(stage.Number) is { } next
            ? $"If the disagreement is not resolved in time, the escalation moves up to stage {next.Number} ({next.Title}) by itself."
            : "If the disagreement is not resolved in time, everyone involved is told.";
        var mails = await db.Outbox.AsNoTracking()
            .Where(o => o.EscalationId == id && o.TemplateKey == "raised")
            .Select(o => new { o.RecipientPersonId, o.RecipientName, o.RecipientAudience })
            .ToListAsync(ct);
        Told = [.. mails
            .OrderBy(m => m.RecipientPersonId == viewer ? 1 : 0)
            .Select(m => m.RecipientPersonId == viewer ? "you, as a receipt"
                : m.RecipientPersonId == escalation.Respondent.Id ? $"{m.RecipientName}, whose decision you disagree with"
                : $"{m.RecipientName}, {Audience(m.RecipientAudience)}")
            .Distinct()];
        return Page();
    }

    private static string Audience(string audience) => audience.Replace("-", string.Empty, StringComparison.Ordinal).ToUpperInvariant() switch
    {
        "BOARDBUSINESSUNIT" => "at the safeguarding partnership's business unit",
        "BOARDCHAIR" => "the safeguarding partnership's chair",
        "STAGEACTORS" => "who acts at this stage",
        _ => "to keep them informed",
    };
}
