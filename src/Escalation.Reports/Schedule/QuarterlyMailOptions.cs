using Escalation.Reports.Periods;

namespace Escalation.Reports.Schedule;

/// <summary>The quarterly board report mail. Bound from <c>Escalation:Reports:QuarterlyMail</c>.</summary>
public sealed class QuarterlyMailOptions
{
    /// <summary>Off: no quarterly report is set or sent by this copy of the service.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The local time of day, on the first working day after a quarter, at which its report is sent.</summary>
    public TimeOnly SendAt { get; set; } = new(7, 0);

    /// <summary><c>Escalation:BaseUrl</c>, for the link to the board page.</summary>
    public string BaseUrl { get; set; } = "http://localhost:5000";

    public string LinkFor(ReportPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return $"{BaseUrl.TrimEnd('/')}/board?from={ReportPeriod.Iso(period.From)}&to={ReportPeriod.Iso(period.To)}";
    }
}
