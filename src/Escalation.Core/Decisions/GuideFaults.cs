namespace Escalation.Core.Decisions;

/// <summary>The wording of faults found only in decision guides; the rest are worded as for policies.</summary>
internal static class GuideFaults
{
    public const string CamelPattern = "^[a-z][a-zA-Z0-9]*$";
    public const string Camel = "must be camelCase: a lower-case letter, then letters and digits";
    public const string WholeYears = "must be a whole number of years, 0 or more";
    public const string OnlyTrue = "can only be true: leave it out when the rule does not depend on a concern";
    public const string Boolean = "must be true or false";
}
