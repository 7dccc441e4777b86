namespace Escalation.Reports.Rendering;

/// <summary>Words for the report's keys: agency kinds and outcomes as a reader would say them.</summary>
public static class ReportWords
{
    public static string Kind(string kind) => kind switch
    {
        "ChildrensSocialCare" => "Children's social care",
        "Police" => "Police",
        "Health" => "Health",
        "GeneralPractice" => "General practice (GPs)",
        "School" => "Schools",
        "EarlyYears" => "Early years",
        "YouthService" => "Youth services",
        "Housing" => "Housing",
        "Probation" => "Probation",
        "VoluntarySector" => "Voluntary sector",
        "Other" => "Other agencies",
        "Partnership" => "The partnership itself",
        _ => kind,
    };

    public static string Outcome(string outcome) => outcome switch
    {
        "decision-changed" => "Decision changed",
        "decision-upheld" => "Decision upheld",
        "board-decision" => "Board decision",
        "withdrawn" => "Withdrawn",
        _ => outcome,
    };
}
