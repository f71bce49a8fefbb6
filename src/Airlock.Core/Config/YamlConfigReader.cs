using System.Collections.Immutable;
using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Airlock.Core.Config;

/// <summary>
/// Walks a YAML document strictly: every key must be known, every value of the right shape, and every
/// problem is collected with its line and column instead of stopping at the first.
/// </summary>
internal sealed class YamlConfigReader(string file)
{
    private readonly List<ConfigError> _errors = [];

    public IReadOnlyList<ConfigError> Errors => _errors;

    public void Error(YamlNode node, string message, string? hint = null) =>
        _errors.Add(new ConfigError(Locate(node), message, hint));

    public void Error(ConfigLocation location, string message, string? hint = null) =>
        _errors.Add(new ConfigError(location, message, hint));

    public ConfigLocation Locate(YamlNode node) => new(file, (int)node.Start.Line, (int)node.Start.Column);

    /// <summary>Dispatches each key of a mapping to its handler; unknown keys are errors with a suggestion.</summary>
    public void ReadMapping(YamlNode node, string section, IReadOnlyDictionary<string, Action<YamlNode>> handlers)
    {
        if (node is not YamlMappingNode mapping)
        {
            Error(node, $"'{section}' must be a mapping of keys to values.", $"write '{section}:' followed by indented 'key: value' lines");
            return;
        }

        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            if (handlers.TryGetValue(key, out var handler))
            {
                handler(value);
            }
            else
            {
                var known = string.Join(", ", handlers.Keys.Order(StringComparer.Ordinal));
                var suggestion = Suggest(key, handlers.Keys);
                Error(keyNode, $"unknown key '{key}' in {section}.", suggestion is null ? $"known keys: {known}" : $"did you mean '{suggestion}'?");
            }
        }
    }

    /// <summary>Reads each entry of a mapping whose keys are free-form (for example owners by check id).</summary>
    public ImmutableDictionary<string, string> ReadStringMap(YamlNode node, string section)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        if (node is not YamlMappingNode mapping)
        {
            Error(node, $"'{section}' must be a mapping of keys to values.");
            return builder.ToImmutable();
        }

        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            var text = String(value, $"{section}.{key}");
            if (text is not null)
            {
                builder[key] = text;
            }
        }

        return builder.ToImmutable();
    }

    public string? String(YamlNode node, string key)
    {
        if (node is YamlScalarNode { Value: { } value } && value.Length > 0)
        {
            return value;
        }

        Error(node, $"'{key}' must be a non-empty text value.");
        return null;
    }

    public bool? Bool(YamlNode node, string key)
    {
        if (node is YamlScalarNode { Value: { } value } && bool.TryParse(value, out var parsed))
        {
            return parsed;
        }

        Error(node, $"'{key}' must be true or false.");
        return null;
    }

    public int? Int(YamlNode node, string key)
    {
        if (node is YamlScalarNode { Value: { } value } && int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
        {
            return parsed;
        }

        Error(node, $"'{key}' must be a whole number.");
        return null;
    }

    public TimeSpan? Duration(YamlNode node, string key)
    {
        if (node is YamlScalarNode { Value: { } value } && ConfigQuantities.TryParseDuration(value, out var parsed) && parsed > TimeSpan.Zero)
        {
            return parsed;
        }

        Error(node, $"'{key}' must be a positive duration.", ConfigQuantities.DurationHint);
        return null;
    }

    public long? Size(YamlNode node, string key)
    {
        if (node is YamlScalarNode { Value: { } value } && ConfigQuantities.TryParseSize(value, out var parsed) && parsed > 0)
        {
            return parsed;
        }

        Error(node, $"'{key}' must be a positive size.", ConfigQuantities.SizeHint);
        return null;
    }

    public ImmutableArray<string> StringList(YamlNode node, string key)
    {
        if (node is not YamlSequenceNode sequence)
        {
            Error(node, $"'{key}' must be a list.", $"write '{key}: [A, B]' or one '- item' per line");
            return [];
        }

        var items = ImmutableArray.CreateBuilder<string>();
        foreach (var item in sequence.Children)
        {
            if (String(item, key) is { } text)
            {
                items.Add(text);
            }
        }

        return items.ToImmutable();
    }

    /// <summary>The closest known key within two edits, if any.</summary>
    internal static string? Suggest(string key, IEnumerable<string> known) =>
        known.Select(k => (Key: k, Distance: EditDistance(key, k)))
            .Where(c => c.Distance <= 2)
            .OrderBy(c => c.Distance)
            .Select(c => c.Key)
            .FirstOrDefault();

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
