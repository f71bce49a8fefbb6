using System.Collections.Immutable;
using System.Globalization;
using Airlock.Readiness.Toml;

namespace Airlock.Readiness.Secrets.Rules;

/// <summary>
/// Reads the fields of a gitleaks config (v8 format) from parsed TOML. Unknown keys are errors with the
/// list of known ones: a typo such as <c>regx</c> would otherwise silently disable a rule.
/// </summary>
internal static class GitleaksConfigReader
{
    private static readonly string[] TopKeys = ["title", "description", "minVersion", "extend", "rules", "allowlist", "allowlists"];
    private static readonly string[] RuleKeys = ["id", "description", "regex", "secretGroup", "entropy", "keywords", "path", "tags", "allowlist", "allowlists"];
    private static readonly string[] AllowlistKeys = ["description", "condition", "commits", "paths", "regexes", "regexTarget", "stopwords"];
    private static readonly string[] ExtendKeys = ["useDefault", "path", "disabledRules"];

    public static GitleaksConfigFile Read(string text, string file)
    {
        TomlTable root;
        try
        {
            root = TomlParser.Parse(text);
        }
        catch (TomlException e)
        {
            throw new SecretRulesException(e.Message, file, e.Line, e.Column, "the file must be TOML in gitleaks' config format");
        }

        var reader = new FileReader(file);
        return reader.ReadRoot(root);
    }

    private sealed class FileReader(string file)
    {
        public GitleaksConfigFile ReadRoot(TomlTable root)
        {
            CheckKeys(root, TopKeys, "top level");
            var rules = ImmutableArray.CreateBuilder<SecretRule>();
            var ids = new Dictionary<string, RuleLocation>(StringComparer.Ordinal);
            foreach (var table in Tables(root, "rules"))
            {
                var rule = ReadRule(table);
                if (ids.TryGetValue(rule.Id, out var first))
                {
                    throw Error($"duplicate rule id '{rule.Id}' (first defined at {first})", table.Line, table.Column, "give each rule a unique id");
                }

                ids.Add(rule.Id, rule.DefinedAt!);
                rules.Add(rule);
            }

            var allowlists = ImmutableArray.CreateBuilder<SecretAllowlist>();
            var targeted = ImmutableArray.CreateBuilder<(SecretAllowlist, ImmutableArray<string>)>();
            if (root.TryGetValue("allowlist", out var single))
            {
                if (root.TryGetValue("allowlists", out var many))
                {
                    throw Error("[allowlist] and [[allowlists]] cannot both be used", many.Line, many.Column, "move the [allowlist] entries into an [[allowlists]] table");
                }

                allowlists.Add(ReadAllowlist(AsTable(single, "allowlist"), allowTargetRules: false).Allowlist);
            }

            foreach (var table in Tables(root, "allowlists"))
            {
                var (allowlist, targets) = ReadAllowlist(table, allowTargetRules: true);
                if (targets.IsDefaultOrEmpty)
                {
                    allowlists.Add(allowlist);
                }
                else
                {
                    targeted.Add((allowlist, targets));
                }
            }

            GitleaksExtend? extend = null;
            if (root.TryGetValue("extend", out var extendValue))
            {
                var table = AsTable(extendValue, "extend");
                CheckKeys(table, ExtendKeys, "[extend]");
                extend = new GitleaksExtend(
                    Bool(table, "useDefault") ?? false,
                    String(table, "path"),
                    Strings(table, "disabledRules"),
                    new RuleLocation(file, table.Line, table.Column));
            }

            return new GitleaksConfigFile
            {
                File = file,
                Rules = rules.ToImmutable(),
                Allowlists = allowlists.ToImmutable(),
                TargetedAllowlists = targeted.ToImmutable(),
                Extend = extend,
            };
        }

        private SecretRule ReadRule(TomlTable table)
        {
            CheckKeys(table, RuleKeys, "[[rules]]");
            var id = String(table, "id");
            if (string.IsNullOrWhiteSpace(id))
            {
                throw Error("a rule has no 'id'", table.Line, table.Column, "add id = \"my-rule\" to the [[rules]] table");
            }

            var allowlists = ImmutableArray.CreateBuilder<SecretAllowlist>();
            if (table.TryGetValue("allowlist", out var single))
            {
                if (table.TryGetValue("allowlists", out var many))
                {
                    throw Error($"rule '{id}': [rules.allowlist] and [[rules.allowlists]] cannot both be used", many.Line, many.Column, "move the [rules.allowlist] entries into a [[rules.allowlists]] table");
                }

                allowlists.Add(ReadAllowlist(AsTable(single, "allowlist"), allowTargetRules: false).Allowlist);
            }

            foreach (var allowlistTable in Tables(table, "allowlists"))
            {
                allowlists.Add(ReadAllowlist(allowlistTable, allowTargetRules: false).Allowlist);
            }

            var secretGroup = Integer(table, "secretGroup") ?? 0;
            if (secretGroup < 0)
            {
                throw Error($"rule '{id}': secretGroup must be 0 or more", table, "secretGroup", null);
            }

            table.TryGetValue("regex", out var regexValue);
            return new SecretRule
            {
                Id = id,
                Description = String(table, "description"),
                Regex = String(table, "regex"),
                SecretGroup = (int)secretGroup,
                Entropy = Number(table, "entropy"),
                Keywords = [.. Strings(table, "keywords").Select(k => k.ToLowerInvariant()).Where(k => k.Length > 0).Distinct(StringComparer.Ordinal)],
                Path = String(table, "path"),
                Tags = Strings(table, "tags"),
                Allowlists = allowlists.ToImmutable(),
                DefinedAt = new RuleLocation(file, table.Line, table.Column),
                RegexDefinedAt = regexValue is null ? null : new RuleLocation(file, regexValue.Line, regexValue.Column),
            };
        }

        private (SecretAllowlist Allowlist, ImmutableArray<string> TargetRules) ReadAllowlist(TomlTable table, bool allowTargetRules)
        {
            CheckKeys(table, allowTargetRules ? [.. AllowlistKeys, "targetRules"] : AllowlistKeys, "allowlist");
            var condition = String(table, "condition")?.Trim().ToUpperInvariant() switch
            {
                null or "" or "OR" or "||" => AllowlistCondition.Or,
                "AND" or "&&" => AllowlistCondition.And,
                var other => throw Error($"unknown allowlist condition '{other}'", table, "condition", "use \"OR\" (the default) or \"AND\""),
            };
            var target = String(table, "regexTarget")?.Trim().ToLowerInvariant() switch
            {
                null or "" or "secret" => AllowlistRegexTarget.Secret,
                "match" => AllowlistRegexTarget.Match,
                "line" => AllowlistRegexTarget.Line,
                var other => throw Error($"unknown regexTarget '{other}'", table, "regexTarget", "use \"secret\" (the default), \"match\" or \"line\""),
            };
            var allowlist = new SecretAllowlist
            {
                Description = String(table, "description"),
                Condition = condition,
                Commits = Strings(table, "commits"),
                Paths = Strings(table, "paths"),
                Regexes = Strings(table, "regexes"),
                RegexTarget = target,
                StopWords = Strings(table, "stopwords"),
                DefinedAt = new RuleLocation(file, table.Line, table.Column),
            };
            if (allowlist.Commits.IsEmpty && allowlist.Paths.IsEmpty && allowlist.Regexes.IsEmpty && allowlist.StopWords.IsEmpty)
            {
                throw Error("an allowlist has no condition", table.Line, table.Column, "set at least one of commits, paths, regexes or stopwords");
            }

            return (allowlist, allowTargetRules ? Strings(table, "targetRules") : []);
        }

        private IEnumerable<TomlTable> Tables(TomlTable parent, string key)
        {
            if (!parent.TryGetValue(key, out var value))
            {
                yield break;
            }

            if (value.Value is not List<TomlValue> list)
            {
                throw Error($"'{key}' must be an array of tables ([[{key}]]), not a {value.TypeName}", value.Line, value.Column, null);
            }

            foreach (var item in list)
            {
                yield return AsTable(item, key);
            }
        }

        private TomlTable AsTable(TomlValue value, string key) => value.Value as TomlTable
            ?? throw Error($"'{key}' must be a table, not a {value.TypeName}", value.Line, value.Column, null);

        private void CheckKeys(TomlTable table, string[] known, string where)
        {
            foreach (var key in table.Keys)
            {
                if (Array.IndexOf(known, key) >= 0)
                {
                    continue;
                }

                table.TryGetValue(key, out var value);
                var hint = key switch
                {
                    "required" or "skipReport" => "composite rules ([[rules.required]], skipReport) are not supported by Airlock; split the rule or remove the key",
                    "targetRules" => "targetRules is only valid in a global [[allowlists]] table",
                    _ => "known keys here: " + string.Join(", ", known),
                };
                throw Error($"unknown key '{key}' in {where}", value!.Line, value.Column, hint);
            }
        }

        private string? String(TomlTable table, string key) => Get(table, key) switch
        {
            null => null,
            { Value: string s } => s,
            var v => throw Error($"'{key}' must be a string, not a {v.TypeName}", v.Line, v.Column, null),
        };

        private bool? Bool(TomlTable table, string key) => Get(table, key) switch
        {
            null => null,
            { Value: bool b } => b,
            var v => throw Error($"'{key}' must be true or false, not a {v.TypeName}", v.Line, v.Column, null),
        };

        private long? Integer(TomlTable table, string key) => Get(table, key) switch
        {
            null => null,
            { Value: long l } => l,
            var v => throw Error($"'{key}' must be an integer, not a {v.TypeName}", v.Line, v.Column, null),
        };

        private double? Number(TomlTable table, string key) => Get(table, key) switch
        {
            null => null,
            { Value: long l } => l,
            { Value: double d } when double.IsFinite(d) => d,
            var v => throw Error($"'{key}' must be a number, not {(v.Value is double d ? d.ToString(CultureInfo.InvariantCulture) : "a " + v.TypeName)}", v.Line, v.Column, null),
        };

        private ImmutableArray<string> Strings(TomlTable table, string key)
        {
            var value = Get(table, key);
            if (value is null)
            {
                return [];
            }

            if (value.Value is not List<TomlValue> list)
            {
                throw Error($"'{key}' must be an array of strings, not a {value.TypeName}", value.Line, value.Column, $"write {key} = [\"...\"]");
            }

            var builder = ImmutableArray.CreateBuilder<string>(list.Count);
            foreach (var item in list)
            {
                builder.Add(item.Value as string ?? throw Error($"'{key}' must contain strings only, found a {item.TypeName}", item.Line, item.Column, null));
            }

            return builder.MoveToImmutable();
        }

        private static TomlValue? Get(TomlTable table, string key) => table.TryGetValue(key, out var value) ? value : null;

        private SecretRulesException Error(string message, TomlTable table, string key, string? hint)
        {
            var value = Get(table, key);
            return Error(message, value?.Line ?? table.Line, value?.Column ?? table.Column, hint);
        }

        private SecretRulesException Error(string message, int line, int column, string? hint) => new(message, file, line, column, hint);
    }
}
