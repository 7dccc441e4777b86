using System.Globalization;

namespace Escalation.Benchmarks;

/// <summary>One line of the results table: a measured figure, its baseline from the same run, their ratio, and the goal.</summary>
internal sealed record Figure(string Id, string What, string Measured, string Baseline, string Ratio, string Goal, bool? Met);

/// <summary>The figures of this run, printed as one Markdown table at the end of every sub-command.</summary>
internal static class Figures
{
    private static readonly List<Figure> Rows = [];

    public static IReadOnlyList<Figure> All => Rows;

    public static void Add(string id, string what, string measured, string baseline = "", string ratio = "", string goal = "", bool? met = null) =>
        Rows.Add(new Figure(id, what, measured, baseline, ratio, goal, met));

    /// <summary>Numbers in the table: invariant culture, thousands separators.</summary>
    public static string N(double value, int decimals = 0) => value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static string X(double ratio) => ratio.ToString(ratio >= 10 ? "F1" : "F2", CultureInfo.InvariantCulture) + "x";

    public static string Ms(double seconds) => N(seconds * 1000, seconds < 0.1 ? 1 : 0) + " ms";

    public static void Print(TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("| id | figure | measured | baseline (same run) | ratio | goal | met |");
        output.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var f in Rows)
        {
            var met = f.Met switch { true => "yes", false => "**no**", null => "" };
            output.WriteLine($"| {f.Id} | {f.What} | {f.Measured} | {f.Baseline} | {f.Ratio} | {f.Goal} | {met} |");
        }
    }
}

/// <summary>"--name value" options of a sub-command.</summary>
internal sealed class Args(string[] args)
{
    public bool Has(string flag) => args.Contains(flag, StringComparer.Ordinal);

    public string? Text(string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    public int Int(string name, int fallback) =>
        Text(name) is { } text ? int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture) is var v && v > 0 ? v
            : throw new ArgumentException($"{name} must be a positive whole number") : fallback;

    public double Double(string name, double fallback) =>
        Text(name) is { } text ? double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture) is var v && v > 0 ? v
            : throw new ArgumentException($"{name} must be positive") : fallback;

    /// <summary>Every "--env KEY=VALUE" pair.</summary>
    public Dictionary<string, string> Environment()
    {
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i++)
        {
            if (args[i] == "--env" && args[i + 1].Split('=', 2) is [var key, var value])
                pairs[key] = value;
        }

        return pairs;
    }

    public int[] Ints(string name, int[] fallback) =>
        Text(name) is { } text ? text.Split(',').Select(t => int.Parse(t, NumberStyles.Integer, CultureInfo.InvariantCulture)).ToArray() : fallback;
}

/// <summary>Where the built programs and the repository are (written into the assembly by the project file).</summary>
internal static class Paths
{
    public static string WebDll => Metadata("EscalationWebDll");

    public static string BareDll => Metadata("BareDll");

    public static string RepositoryRoot => Metadata("RepositoryRoot");

    /// <summary>This program, to start it again as the load process.</summary>
    public static string SelfDll => typeof(Paths).Assembly.Location;

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string Metadata(string key) =>
        typeof(Paths).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
