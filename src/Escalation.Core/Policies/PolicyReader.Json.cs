using System.Collections.ObjectModel;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Escalation.Core.Policies;

/// <summary>Typed, path-aware reads from the parsed JSON; each throws a fault naming the field it could not read.</summary>
internal sealed partial class PolicyReader
{
    private readonly string _file;

    public PolicyReader(string file) => _file = file;

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

    private JsonArray List(JsonObject obj, string name, string path, bool mayBeEmpty = false)
    {
        if (Required(obj, name, path) is not JsonArray list)
        {
            throw Fault(At(path, name), PolicyFaults.List);
        }

        return mayBeEmpty || list.Count > 0 ? list : throw Fault(At(path, name), PolicyFaults.Empty);
    }

    private int Positive(JsonObject obj, string name, string path) => PositiveValue(Required(obj, name, path), At(path, name));

    private int? OptionalPositive(JsonObject obj, string name, string path) =>
        obj[name] is { } node ? PositiveValue(node, At(path, name)) : null;

    private int PositiveValue(JsonNode node, string path) =>
        node.GetValueKind() == JsonValueKind.Number && node.AsValue().TryGetValue(out int value) && value >= 1
            ? value
            : throw Fault(path, PolicyFaults.Positive);

    private string TextValue(JsonNode? node, string path) =>
        node?.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : throw Fault(path, PolicyFaults.Text);

    private string Text(JsonObject obj, string name, string path)
    {
        var text = TextValue(Required(obj, name, path), At(path, name));
        return string.IsNullOrWhiteSpace(text) ? throw Fault(At(path, name), PolicyFaults.Blank) : text;
    }

    private string Key(JsonObject obj, string name, string path)
    {
        var key = TextValue(Required(obj, name, path), At(path, name));
        return KebabKey().IsMatch(key) ? key : throw Fault(At(path, name), PolicyFaults.Kebab);
    }

    private TEnum Choice<TEnum>(JsonNode? node, string path)
        where TEnum : struct, Enum =>
        JsonNames.TryParseKebab(TextValue(node, path), out TEnum value)
            ? value
            : throw Fault(path, PolicyFaults.OneOf(JsonNames.AllKebab<TEnum>()));

    private ReadOnlyCollection<Audience> Audiences(JsonNode? node, string path)
    {
        if (node is not JsonArray list)
        {
            throw Fault(path, PolicyFaults.List);
        }

        var audiences = list.Select((item, i) => Choice<Audience>(item, At(path, i))).ToArray();
        return audiences.Distinct().Count() == audiences.Length ? audiences.AsReadOnly() : throw Fault(path, PolicyFaults.Repeated);
    }

    [GeneratedRegex(PolicyFaults.KebabPattern, RegexOptions.CultureInvariant)]
    private static partial Regex KebabKey();
}
