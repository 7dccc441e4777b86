using System.Globalization;
using Escalation.Core.Engine;

namespace Escalation.Web.Api;

/// <summary>How a list of escalations is ordered.</summary>
internal enum EscalationSort
{
    /// <summary>Soonest stage deadline first (the API's order, and the home page's).</summary>
    DueDate,

    /// <summary>Most recently raised first (the board's log by default).</summary>
    Newest,
}

/// <summary>
/// Filters for the escalations list, as the contract names them: one set shared by <c>GET /api/escalations</c>, the
/// board's escalation log and its CSV. <see cref="RaisedFrom"/> and <see cref="RaisedTo"/> are local dates, both inclusive;
/// <see cref="Query"/> matches the escalation's reference or the child's reference, ignoring case.
/// </summary>
internal sealed record EscalationFilter(EscalationStatus? Status = null, int? Stage = null, Guid? AgencyId = null, bool Overdue = false)
{
    public string? Category { get; init; }

    public Guid? RaisingAgencyId { get; init; }

    public Guid? ReceivingAgencyId { get; init; }

    public DateOnly? RaisedFrom { get; init; }

    public DateOnly? RaisedTo { get; init; }

    public string? Query { get; init; }

    /// <summary>Open, not yet overdue, and due before this instant (the board's "due this week"); not offered by the API.</summary>
    public DateTimeOffset? DueBefore { get; init; }

    public EscalationSort Sort { get; init; } = EscalationSort.DueDate;

    /// <summary>The longest search text taken; a reference is far shorter.</summary>
    public const int QueryMax = 100;

    public static bool TryParseStatus(string text, out EscalationStatus status) =>
        Enum.TryParse(text, ignoreCase: true, out status) && Enum.IsDefined(status) && !int.TryParse(text, out _);

    public static bool TryParseDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}

/// <summary>The list's filters as the API's query string gives them: text, so that a bad one gets a 400 naming it.</summary>
internal sealed record EscalationListQuery(
    string? Status,
    string? Stage,
    string? AgencyId,
    string? Overdue,
    string? Category,
    string? RaisingAgencyId,
    string? ReceivingAgencyId,
    string? RaisedFrom,
    string? RaisedTo,
    string? Q)
{
    /// <summary>The filter, or null with each field at fault named in <paramref name="errors"/>.</summary>
    public EscalationFilter? Parse(Func<string, bool> isCategory, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(isCategory);
        ArgumentNullException.ThrowIfNull(errors);
        void Fault(string name, string message) => errors[name] = [message];
        static string? Given(string? text) => string.IsNullOrEmpty(text) ? null : text;

        EscalationStatus? status = null;
        if (Given(Status) is { } s)
        {
            if (EscalationFilter.TryParseStatus(s, out var known)) status = known;
            else Fault("status", "The status must be open, resolved or withdrawn");
        }

        int? stage = null;
        if (Given(Stage) is { } st)
        {
            if (int.TryParse(st, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) stage = n;
            else Fault("stage", "The stage must be a whole number, such as 2");
        }

        Guid? Id(string name, string? text)
        {
            if (Given(text) is null) return null;
            if (Guid.TryParse(text, out var id)) return id;
            Fault(name, $"{name} must be an agency id (a GUID) from GET /api/agencies");
            return null;
        }

        DateOnly? Date(string name, string? text)
        {
            if (Given(text) is null) return null;
            if (EscalationFilter.TryParseDate(text!, out var date)) return date;
            Fault(name, $"{name} must be a date as YYYY-MM-DD, such as 2026-12-01");
            return null;
        }

        var overdue = false;
        if (Given(Overdue) is { } o && !bool.TryParse(o, out overdue))
            Fault("overdue", "overdue must be true or false");
        if (Given(Category) is { } category && !isCategory(category))
            Fault("category", "category must be a category key from the policy, such as below-threshold");
        if (Q is { Length: > EscalationFilter.QueryMax })
            Fault("q", $"q must be {EscalationFilter.QueryMax} characters or fewer");

        var filter = new EscalationFilter(status, stage, Id("agencyId", AgencyId), overdue)
        {
            Category = Given(Category), RaisingAgencyId = Id("raisingAgencyId", RaisingAgencyId),
            ReceivingAgencyId = Id("receivingAgencyId", ReceivingAgencyId),
            RaisedFrom = Date("raisedFrom", RaisedFrom), RaisedTo = Date("raisedTo", RaisedTo), Query = Given(Q?.Trim()),
        };
        if (filter.RaisedFrom > filter.RaisedTo)
            Fault("raisedTo", "raisedTo must be the same as or after raisedFrom");
        return errors.Count == 0 ? filter : null;
    }
}
