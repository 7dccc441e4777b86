using Escalation.Core.Policies;

namespace Escalation.Core.Decisions;

/// <summary>
/// Loads decision guides from <c>workflows/</c>. Each is checked against <see cref="DecisionGuideSchema"/>, then by
/// the reader's own rules, then against the safety rules of <see cref="GuideSafety"/>; any fault throws <see cref="PolicyValidationException"/> naming the file and JSON path, so
/// start-up stops with one clear message and a running service never holds half a guide.
/// </summary>
public static class DecisionGuideLoader
{
    /// <summary>The <c>kind</c> of a decision guide file.</summary>
    public const string Kind = DecisionGuideReader.Kind;

    /// <summary>Parses and validates one guide's JSON text.</summary>
    /// <param name="json">The guide file's text.</param>
    /// <param name="fileName">The name used in fault messages, e.g. <c>sexual-activity.json</c>.</param>
    /// <param name="schema">The schema to check against, or null to rely on the reader's own checks alone.</param>
    /// <exception cref="PolicyValidationException">The text is not a valid decision guide.</exception>
    public static DecisionGuide Parse(string json, string fileName, DecisionGuideSchema? schema)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(fileName);
        var node = DefinitionJson.Parse(json, fileName);
        if (schema?.Validate(json) is { Count: > 0 } faults)
        {
            throw new PolicyValidationException(fileName, faults);
        }

        var guide = new DecisionGuideReader(fileName).Read(node);
        if (GuideSafety.FirstBreach(guide) is { } breach)
        {
            throw new PolicyValidationException(fileName, "$.rules", $"would break a safety rule: {breach}");
        }

        return guide;
    }

    /// <summary>Loads one guide file, checked against the <see cref="DecisionGuideSchema.FileName"/> in the same folder.</summary>
    /// <exception cref="PolicyValidationException">The file or the schema beside it is not valid.</exception>
    public static DecisionGuide Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var schema = DecisionGuideSchema.Load(Path.GetDirectoryName(Path.GetFullPath(path))!);
        return Parse(File.ReadAllText(path), Path.GetFileName(path), schema);
    }

    /// <summary>
    /// Loads every decision guide in a definitions folder: each <c>*.json</c> whose <c>kind</c> is <see cref="Kind"/>.
    /// Schemas and files of other kinds (policies, bank holidays) are skipped; a file with no <c>kind</c> is a fault,
    /// as is the same id and version in two files. Guides are returned in file-name order.
    /// </summary>
    /// <exception cref="PolicyValidationException">Any guide in the folder is not valid.</exception>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static IReadOnlyList<DecisionGuide> LoadFolder(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var files = Directory.GetFiles(folder, "*.json")
            .Where(f => !f.EndsWith(".schema.json", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
        DecisionGuideSchema? schema = null;
        var loaded = new List<(DecisionGuide Guide, string File)>();
        foreach (var path in files)
        {
            var fileName = Path.GetFileName(path);
            var json = File.ReadAllText(path);
            if (DefinitionJson.KindOf(DefinitionJson.Parse(json, fileName), fileName) != Kind)
            {
                continue;
            }

            schema ??= DecisionGuideSchema.Load(folder);
            var guide = Parse(json, fileName, schema);
            if (loaded.Find(g => g.Guide.Id == guide.Id && g.Guide.Version == guide.Version) is { File: { } first })
            {
                throw new PolicyValidationException(fileName, "$.version",
                    $"decision guide '{guide.Id}' version {guide.Version} is already defined in {first}: give this one a new version");
            }

            loaded.Add((guide, fileName));
        }

        return loaded.Select(g => g.Guide).ToArray().AsReadOnly();
    }
}
