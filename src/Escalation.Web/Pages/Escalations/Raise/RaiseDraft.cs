using System.Text.Json;
using Escalation.Core.Engine;
using Escalation.Web.Api;

namespace Escalation.Web.Pages.Escalations.Raise;

/// <summary>The answers of an escalation being raised, one page at a time. Nothing is stored in the database until it is submitted.</summary>
internal sealed class RaiseDraft
{
    public Guid OwnerId { get; set; }

    public bool? ChildAtImmediateRisk { get; set; }

    public bool? ReferralMade { get; set; }

    public string? ChildReference { get; set; }

    public int? ChildAgeYears { get; set; }

    public Guid? AgencyId { get; set; }

    public Guid? RespondentId { get; set; }

    public string? DecisionChallenged { get; set; }

    public DateOnly? DecisionDate { get; set; }

    public string? Category { get; set; }

    public int? LevelOfNeed { get; set; }

    public string? Concern { get; set; }

    public string? DesiredOutcome { get; set; }

    public string? Track { get; set; }

    public string? UrgentReason { get; set; }

    public int? StartAtStage { get; set; }

    public string? StartAtStageReason { get; set; }

    /// <summary>The decision assessment this escalation follows from, when it was started from one.</summary>
    public Guid? AssessmentId { get; set; }

    /// <summary>Set once the person has seen "Check your answers": each page then goes back there.</summary>
    public bool CheckingAnswers { get; set; }

    /// <summary>The child is at immediate risk and nobody has referred them: the journey must stop.</summary>
    public bool MustReferNow => ChildAtImmediateRisk == true && ReferralMade == false;

    public bool SafeguardingAnswered => ChildAtImmediateRisk == false || (ChildAtImmediateRisk == true && ReferralMade == true);

    public RaiseRequest ToRequest() => new(
        ChildReference, ChildAgeYears, RespondentId, Category, LevelOfNeed, DecisionChallenged, DecisionDate, Concern, DesiredOutcome,
        Track ?? "standard", StartAtStage, StartAtStageReason, Track == "urgent" ? UrgentReason : null,
        ChildAtImmediateRisk == true, ReferralMade == true, AssessmentId);
}

/// <summary>Keeps the <see cref="RaiseDraft"/> in the person's session (the database's session_entries table, keyed by a cookie).</summary>
internal sealed class RaiseDraftStore(IHttpContextAccessor http)
{
    private const string Key = "raise-draft";

    private ISession Session => http.HttpContext!.Session;

    private Guid PersonId => http.HttpContext!.User.PersonId();

    /// <summary>The signed-in person's draft; a new one if they have none (or the session holds someone else's).</summary>
    public RaiseDraft Load()
    {
        var json = Session.GetString(Key);
        var draft = json is null ? null : JsonSerializer.Deserialize<RaiseDraft>(json);
        return draft is not null && draft.OwnerId == PersonId ? draft : new RaiseDraft { OwnerId = PersonId };
    }

    public void Save(RaiseDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        draft.OwnerId = PersonId;
        Session.SetString(Key, JsonSerializer.Serialize(draft));
    }

    public void Clear() => Session.Remove(Key);
}
