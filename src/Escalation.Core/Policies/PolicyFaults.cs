namespace Escalation.Core.Policies;

/// <summary>
/// The wording of faults, shared by the schema check and the loader's own checks, so a fault reads the same whichever
/// of the two finds it.
/// </summary>
internal static class PolicyFaults
{
    public const string KebabPattern = "^[a-z0-9]+(-[a-z0-9]+)*$";
    public const string NotBlankPattern = "\\S";

    public const string Required = "is required";
    public const string NotRecognised = "is not a recognised field";
    public const string Positive = "must be a positive whole number";
    public const string Kebab = "must be kebab-case: lower-case letters and digits, words joined by single hyphens";
    public const string Blank = "must not be blank";
    public const string Empty = "must not be empty";
    public const string Repeated = "must not list the same value twice";
    public const string Text = "must be text";
    public const string List = "must be a list";
    public const string Object = "must be an object";

    public static string OneOf(IEnumerable<string> values) => "must be one of: " + string.Join(", ", values);

    public static string ExactlyOneOf(IReadOnlyList<string> names) => names.Count switch
    {
        0 => "must match exactly one of its allowed forms",
        1 => $"must have {names[0]}",
        _ => $"must have exactly one of {string.Join(", ", names.Take(names.Count - 1))} or {names[^1]}",
    };

    public static string AtLeast(object minimum) => $"must be at least {minimum}";

    public static string AtLeastItems(object minimum) => $"must list at least {minimum} items";
}
