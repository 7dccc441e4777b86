namespace Escalation.Benchmarks;

/// <summary>The environment the HTTP and footprint benchmarks start the service and the bare app with.</summary>
internal static class AppSettings
{
    /// <summary>How often /health/ready is polled at start-up: start-up times are measured to within this.</summary>
    public static readonly TimeSpan ReadyPoll = TimeSpan.FromMilliseconds(10);

    /// <summary>The service's settings for a SQLite file in <paramref name="folder"/>, with the demo partnership.</summary>
    public static Dictionary<string, string> Service(string folder) => Service(folder, new Dictionary<string, string>());

    /// <summary>As above, with <paramref name="extra"/> added or overriding.</summary>
    public static Dictionary<string, string> Service(string folder, IReadOnlyDictionary<string, string> extra)
    {
        var settings = Defaults(folder);
        foreach (var (key, value) in extra)
            settings[key] = value;
        return settings;
    }

    public static Dictionary<string, string> Bare(string folder) => new(StringComparer.Ordinal)
    {
        ["ConnectionStrings__Escalation"] = "Data Source=" + Path.Combine(folder, "bare.db"),
    };

    private static Dictionary<string, string> Defaults(string folder) => new(StringComparer.Ordinal)
    {
        ["ConnectionStrings__Escalation"] = "Data Source=" + Path.Combine(folder, "escalation.db"),
        ["Escalation__Workflows__Path"] = Path.Combine(Paths.RepositoryRoot, "workflows"),
        ["Escalation__Templates__Path"] = Path.Combine(Paths.RepositoryRoot, "templates"),
        ["Escalation__Mail__PickupDirectory"] = Path.Combine(folder, "mail"),
        ["Escalation__Seed"] = "demo",
        ["Escalation__Admin__Email"] = "admin@partnership.example.org",
        ["Escalation__Admin__Password"] = "benchmark-admin-password-2026",
        ["Escalation__BaseUrl"] = "http://escalation.example.org",
    };
}
