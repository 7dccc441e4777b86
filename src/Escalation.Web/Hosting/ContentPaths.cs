namespace Escalation.Web.Hosting;

/// <summary>Finds the folders the service reads at start-up: policy definitions and templates.</summary>
public sealed record ContentPaths(string Workflows, string Templates)
{
    public static ContentPaths From(IConfiguration configuration, string contentRoot) =>
        new(
            Resolve(configuration["Escalation:Workflows:Path"], "workflows", contentRoot),
            Resolve(configuration["Escalation:Templates:Path"], "templates", contentRoot));

    private static string Resolve(string? configured, string folderName, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured, contentRoot);
        }

        // By default the repository's own folder: found by walking up from the content root
        // (dotnet run) or from the binaries (tests, published builds that ship the folder).
        foreach (var start in new[] { contentRoot, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, folderName);
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return Path.GetFullPath(folderName, contentRoot);
    }
}
