using System.Collections.Frozen;
using System.Text;

namespace Escalation.Core.Policies;

/// <summary>
/// How the policy format spells enum values: kebab-case for values (<c>stage-actors</c>) and camelCase for the
/// property names that stand for enum members (<c>stageEntered</c>, <c>urgent</c>).
/// </summary>
public static class JsonNames
{
    public static string Kebab<TEnum>(TEnum value)
        where TEnum : struct, Enum => Names<TEnum>.ByValue[value].Kebab;

    public static string Camel<TEnum>(TEnum value)
        where TEnum : struct, Enum => Names<TEnum>.ByValue[value].Camel;

    public static IReadOnlyList<string> AllKebab<TEnum>()
        where TEnum : struct, Enum => Names<TEnum>.Kebabs;

    public static bool TryParseKebab<TEnum>(string text, out TEnum value)
        where TEnum : struct, Enum => Names<TEnum>.ByKebab.TryGetValue(text, out value);

    private static string ToKebab(string pascal)
    {
        var builder = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            if (char.IsUpper(pascal[i]) && i > 0)
            {
                builder.Append('-');
            }

            builder.Append(char.ToLowerInvariant(pascal[i]));
        }

        return builder.ToString();
    }

    private static class Names<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly FrozenDictionary<TEnum, (string Kebab, string Camel)> ByValue =
            Enum.GetValues<TEnum>().ToFrozenDictionary(
                v => v,
                v => (ToKebab(v.ToString()), char.ToLowerInvariant(v.ToString()[0]) + v.ToString()[1..]));

        public static readonly IReadOnlyList<string> Kebabs = Enum.GetValues<TEnum>().Select(v => ByValue[v].Kebab).ToArray();

        public static readonly FrozenDictionary<string, TEnum> ByKebab =
            ByValue.ToFrozenDictionary(kv => kv.Value.Kebab, kv => kv.Key, StringComparer.Ordinal);
    }
}
