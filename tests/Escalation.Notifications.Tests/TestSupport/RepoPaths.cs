namespace Escalation.Notifications.Tests.TestSupport;

/// <summary>The repository's own folders, found by walking up from the test binaries.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Templates => Path.Combine(Root, "templates");

    public static string EmailTemplates => Path.Combine(Templates, "email");

    public static string Workflows => Path.Combine(Root, "workflows");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Escalation.sln")))
                return dir.FullName;
        }

        throw new InvalidOperationException($"No Escalation.sln above {AppContext.BaseDirectory}.");
    }
}
