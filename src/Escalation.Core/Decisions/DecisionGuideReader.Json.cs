using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Escalation.Core.Policies;

namespace Escalation.Core.Decisions;

/// <summary>Typed, path-aware reads from the parsed JSON; each throws a fault naming the field it could not read.</summary>
internal sealed partial class DecisionGuideReader
{
    private readonly string _file;

    public DecisionGuideReader(string file) => _file = file;

    private PolicyValidationException Fault(string path, string reason) => new(_file, path, reason);

    private static string At(string path, string name) => $"{path}.{name}";

    private static string At(string path, int index) => $"{path}[{index}]";

    /// <summary>An object with only the listed fields.</summary>
    private JsonObject Object(JsonNode? node, string path, params string[] allowed)
    {
        if (node is not JsonObject obj)
        {
            throw Fault(path, PolicyFaults.Object);
        }

        foreach (var (name, _) in obj)
        {
            if (!allowed.Contains(name, StringComparer.Ordinal))
            {
                throw Fault(At(path, name), PolicyFaults.NotRecognised);
            }
        }

        return obj;
    }

    private JsonNode Required(JsonObject obj, string name, string path) =>
        obj[name] ?? throw Fault(At(path, name), PolicyFaults.Required);

    private JsonArray List(JsonObject obj, string name, string path) => ListValue(Required(obj, name, path), At(path, name));

    private JsonArray ListValue(JsonNode? node, string path) =>
        node is not JsonArray list ? throw Fault(path, PolicyFaults.List)
        : list.Count == 0 ? throw Fault(path, PolicyFaults.Empty)
        : list;

    private int Positive(JsonObject obj, string name, string path) => PositiveValue(Required(obj, name, path), At(path, name));

    private int PositiveValue(JsonNode node, string path) =>
        Whole(node, out var value) && value >= 1 ? value : throw Fault(path, PolicyFaults.Positive);

    private int Age(JsonObject obj, string name, string path) =>
        Whole(Required(obj, name, path), out var value) && value >= 0 ? value : throw Fault(At(path, name), GuideFaults.WholeYears);

    private static bool Whole(JsonNode node, out int value)
    {
        value = 0;
        return node.GetValueKind() == JsonValueKind.Number && node.AsValue().TryGetValue(out value);
    }

    private string TextValue(JsonNode? node, string path) =>
        node?.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : throw Fault(path, PolicyFaults.Text);

    private string Text(JsonObject obj, string name, string path) => NonBlank(Required(obj, name, path), At(path, name));

    private string NonBlank(JsonNode? node, string path)
    {
        var text = TextValue(node, path);
        return string.IsNullOrWhiteSpace(text) ? throw Fault(path, PolicyFaults.Blank) : text;
    }

    private string Key(JsonObject obj, string name, string path) => KeyValue(Required(obj, name, path), At(path, name));

    private string KeyValue(JsonNode? node, string path)
    {
        var key = TextValue(node, path);
        return KebabKey().IsMatch(key) ? key : throw Fault(path, PolicyFaults.Kebab);
    }

    private string CamelKeyValue(JsonNode? node, string path)
    {
        var key = TextValue(node, path);
        return CamelKey().IsMatch(key) ? key : throw Fault(path, GuideFaults.Camel);
    }

    /// <summary>A text value that must be one of <paramref name="allowed"/>.</summary>
    private string Choice(JsonNode? node, string path, IReadOnlyList<string> allowed)
    {
        var text = TextValue(node, path);
        return allowed.Contains(text, StringComparer.Ordinal) ? text : throw Fault(path, PolicyFaults.OneOf(allowed));
    }

    [GeneratedRegex(PolicyFaults.KebabPattern, RegexOptions.CultureInvariant)]
    private static partial Regex KebabKey();

    [GeneratedRegex(GuideFaults.CamelPattern, RegexOptions.CultureInvariant)]
    private static partial Regex CamelKey();
}
