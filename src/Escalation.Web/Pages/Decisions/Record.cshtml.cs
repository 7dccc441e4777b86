using System.Globalization;
using System.Text.RegularExpressions;
using Escalation.Core.Decisions;
using Escalation.Core.Engine;
using Escalation.Core.Policies;
using Escalation.Data;
using Escalation.Data.Engine;
using Escalation.Services.Decisions;
using Escalation.Web.Api;
using Escalation.Web.Pages.Display;
using Escalation.Web.Pages.Govuk;
using Microsoft.AspNetCore.Mvc;

namespace Escalation.Web.Pages.Decisions;

/// <summary>
/// Records the decision through <see cref="AssessmentService"/>, the same service the API uses, so the page refuses
/// exactly what the API refuses (400 and 422 alike) and shows each reason beside its field.
/// </summary>
internal sealed partial class RecordModel(DecisionGuideCatalog guides, AssessmentService assessments, EscalationDbContext db,
    PolicyCatalog policies, DateText dates, DirectoryCache directoryCache) : DecisionStepModel(guides)
{
    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["decision.actionsTaken"] = nameof(ActionsTaken),
        ["decision.rationale"] = nameof(Rationale),
        ["decision.consulted"] = nameof(Consulted),
        ["decision.consultedAt"] = nameof(ConsultedAt),
        ["decision.approverId"] = nameof(ApproverId),
        ["decision.reviewDate"] = nameof(ReviewDate),
    };

    [BindProperty]
    public List<string> ActionsTaken { get; set; } = [];

    [BindProperty]
    public string? Rationale { get; set; }

    [BindProperty]
    public string? Consulted { get; set; }

    [BindProperty]
    public DateParts ConsultedAt { get; set; } = new();

    [BindProperty]
    public string? ConsultedTime { get; set; }

    [BindProperty]
    public string? ApproverId { get; set; }

    [BindProperty]
    public DateParts ReviewDate { get; set; } = new();

    public DecisionResult Result { get; private set; } = null!;

    public IReadOnlyList<Choice> ActionChoices { get; private set; } = [];

    public IReadOnlyList<Choice> Seniors { get; private set; } = [];

    public override string Back => DecisionSteps.Result;

    protected override string Step => DecisionSteps.Record;

    public string DateExample => dates.Today.ToString("d M yyyy", CultureInfo.InvariantCulture);

    public string ApproverHint => Result.NeedsSeniorApprovalToOverride
        ? "Leaving out any required action needs the approval of a named senior manager in your agency. Choose them here: they will be emailed and asked to approve or decline."
        : "Only needed if the guidance asks for a senior manager's approval. They will be emailed and asked to approve or decline.";

    public string ReviewHint =>
        $"Needed if you are not referring to Children's Social Care. Within {Guide.ReviewWithinMonths} months, for example {dates.Today.AddMonths(3).ToString("d M yyyy", CultureInfo.InvariantCulture)}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Load(out var redirect))
            return Redirect(redirect!);
        await LoadSeniorsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!Load(out var redirect))
            return Redirect(redirect!);
        await LoadSeniorsAsync(ct);

        var consultedAt = ReadConsultedAt();
        var review = ReadDate(ReviewDate, nameof(ReviewDate), "The review date");
        Guid? approverId = null;
        if (!string.IsNullOrEmpty(ApproverId))
        {
            if (Guid.TryParse(ApproverId, out var id))
                approverId = id;
            else
                ModelState.AddModelError(nameof(ApproverId), "Choose a senior manager from the list");
        }

        if (!ModelState.IsValid)
            return Page();

        var decision = new RecordedDecision([.. ActionsTaken], Rationale, Consulted, consultedAt, approverId, review);
        var outcome = await assessments.RecordAsync(User.PersonId(), Draft.ToAnswers(), Draft.ChildReference, decision, ct);
        if (outcome.Assessment is { } stored)
        {
            DecisionDraftStore.Clear(HttpContext);
            TempData["Recorded"] = "yes";
            return Redirect(DecisionSteps.Assessment(stored.Id));
        }

        foreach (var (field, messages) in (outcome.Invalid ?? outcome.Unprocessable)!)
        {
            foreach (var message in messages)
                ModelState.AddModelError(Fields.GetValueOrDefault(field, string.Empty), message);
        }

        return Page();
    }

    private bool Load(out string? redirect)
    {
        if (!ResultModel.TryEvaluate(Guide, Draft, out var result, out redirect))
            return false;
        Result = result!;
        var required = result!.RequiredActions;
        ActionChoices = [.. Guide.Actions
            .Where(a => a.Key != DecisionActions.SeniorApprovalToOverride)
            .OrderBy(a => required.Contains(a.Key) ? 0 : 1)
            .Select(a => new Choice(a.Key, a.Label, result.Actions.FirstOrDefault(r => r.Action == a.Key) is { } r ? "Required. " + r.Reason : a.Help))];
        return true;
    }

    // Only a senior of the assessor's own agency may approve, as the API insists (DecisionValidator).
    private async Task LoadSeniorsAsync(CancellationToken ct)
    {
        var directory = await directoryCache.ReadAsync(db, ct);
        var me = directory.Find(User.PersonId());
        Seniors = me is null ? [] : [.. directory.InRole(Roles.Senior, me.AgencyId)
            .Where(p => p.Id != me.Id)
            .OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
            .Select(p => new Choice(p.Id.ToString(), p.Name))];
    }

    private DateTimeOffset? ReadConsultedAt()
    {
        var time = Trimmed(ConsultedTime);
        if (ConsultedAt.IsEmpty && time is null)
            return null;
        var day = ReadDate(ConsultedAt, nameof(ConsultedAt), "The date you consulted them");
        if (ConsultedAt.IsEmpty)
            ModelState.AddModelError(nameof(ConsultedAt), "Enter the date you consulted them");
        if (time is null)
        {
            ModelState.AddModelError(nameof(ConsultedTime), "Enter the time you consulted them, like 14:30");
            return null;
        }

        if (ParseTime(time) is not { } clock)
        {
            ModelState.AddModelError(nameof(ConsultedTime), "Enter the time as hours and minutes, like 14:30 or 2:30pm");
            return null;
        }

        if (day is null)
            return null;
        var local = day.Value.ToDateTime(clock, DateTimeKind.Unspecified);
        var zone = policies.Calendar.TimeZone;
        if (zone.IsInvalidTime(local))
        {
            ModelState.AddModelError(nameof(ConsultedTime), "That time did not happen on that day, because the clocks went forward");
            return null;
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private DateOnly? ReadDate(DateParts parts, string field, string what)
    {
        if (parts.IsEmpty)
            return null;
        if (parts.ToDate() is { } date)
            return date;
        ModelState.AddModelError(field, $"{what} must be a real date, like {DateExample}");
        return null;
    }

    /// <summary>"14:30", "9:05", "2:30pm", "2pm", "14.30".</summary>
    internal static TimeOnly? ParseTime(string text)
    {
        var match = TimePattern().Match(text);
        if (!match.Success)
            return null;
        var hour = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = match.Groups["m"].Success ? int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        var half = match.Groups["ampm"].Value.ToUpperInvariant();
        if (half.Length > 0)
        {
            if (hour is < 1 or > 12)
                return null;
            hour = (hour % 12) + (half == "PM" ? 12 : 0);
        }

        return hour is >= 0 and <= 23 && minute is >= 0 and <= 59 ? new TimeOnly(hour, minute) : null;
    }

    [GeneratedRegex(@"^(?<h>\d{1,2})(?:[:.](?<m>\d{2}))?\s*(?<ampm>am|pm)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TimePattern();
}
