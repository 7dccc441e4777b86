namespace Escalation.Core.Engine;

/// <summary>The roles, by the exact names in the contract.</summary>
public static class Roles
{
    public const string Practitioner = "Practitioner";
    public const string Manager = "Manager";
    public const string Senior = "Senior";
    public const string BoardBusinessUnit = "BoardBusinessUnit";
    public const string BoardChair = "BoardChair";
    public const string ReportViewer = "ReportViewer";
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All =
        [Practitioner, Manager, Senior, BoardBusinessUnit, BoardChair, ReportViewer, Admin];
}
