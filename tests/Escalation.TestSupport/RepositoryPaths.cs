using System.Reflection;

namespace Escalation.TestSupport;

/// <summary>Where the repository and the built web app are (written into this assembly by its project file).</summary>
public static class RepositoryPaths
{
    public static string Root => Metadata("RepositoryRoot");

    public static string NodeModules => Path.Combine(Root, "node_modules");

    /// <summary>The web app as built in the same configuration as the tests.</summary>
    public static string WebDll => Metadata("EscalationWebDll");

    private static string Metadata(string key) =>
        typeof(RepositoryPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
