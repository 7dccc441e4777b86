namespace Escalation.Browser.Tests.TestSupport;

/// <summary>The repository's own folders, found by walking up from the test binaries.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string NodeModules => Path.Combine(Root, "node_modules");

    /// <summary>Screenshots and printed statements, one folder per test, beside the test binaries (git-ignored).</summary>
    public static string Artefacts { get; } = Path.Combine(AppContext.BaseDirectory, "artefacts");

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
