namespace Escalation.Core.Policies;

/// <summary>
/// A policy definition file is not valid. This is the only exception the policy loader throws for a bad definition,
/// so start-up can stop with one clear line naming the file and the field, e.g.
/// <c>professional-differences.json: $.tracks.urgent[2].deadline.workingDays: must be a positive whole number</c>.
/// </summary>
/// <remarks>
/// When a file has several faults the message lists each on its own line; <see cref="JsonPath"/> and
/// <see cref="Reason"/> describe the first.
/// </remarks>
public sealed class PolicyValidationException : Exception
{
    public PolicyValidationException()
        : this("(unknown)", "$", "is not a valid policy definition")
    {
    }

    public PolicyValidationException(string message)
        : this("(unknown)", "$", message)
    {
    }

    public PolicyValidationException(string message, Exception innerException)
        : this("(unknown)", "$", message, innerException)
    {
    }

    public PolicyValidationException(string file, string jsonPath, string reason, Exception? innerException = null)
        : this(file, [new PolicyFault(jsonPath, reason)], innerException)
    {
    }

    internal PolicyValidationException(string file, IReadOnlyList<PolicyFault> faults, Exception? innerException = null)
        : base(string.Join(Environment.NewLine, faults.Select(f => $"{file}: {f.JsonPath}: {f.Reason}")), innerException)
    {
        File = file;
        JsonPath = faults[0].JsonPath;
        Reason = faults[0].Reason;
    }

    /// <summary>The file name (without its folder) of the definition at fault.</summary>
    public string File { get; }

    /// <summary>Where in the file the first fault is, as a JSONPath such as <c>$.stages[1].number</c>.</summary>
    public string JsonPath { get; }

    /// <summary>What is wrong there, in plain English, e.g. <c>must be a positive whole number</c>.</summary>
    public string Reason { get; }
}

/// <summary>One fault found in a definition: where, and what is wrong.</summary>
internal sealed record PolicyFault(string JsonPath, string Reason);
