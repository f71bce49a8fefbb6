using System.Collections.Immutable;

namespace Airlock.Readiness.Secrets.Rules;

/// <summary>Where secret rules come from: Airlock's own defaults, or a gitleaks-format file a team already has.</summary>
public static class SecretRuleSources
{
    /// <summary>The name built-in rules are reported under.</summary>
    public const string DefaultSourceName = "airlock default rules";

    private const string DefaultResourceName = "Airlock.Readiness.Secrets.DefaultRules.airlock-rules.toml";

    // gitleaks stops at depth 2; a little more room costs nothing and cycles are caught separately.
    private const int MaxExtendDepth = 4;

    private static readonly Lazy<SecretRuleSet> Default = new(ReadDefault);

    /// <summary>Airlock's own rules (embedded in the assembly, in gitleaks format).</summary>
    public static SecretRuleSet LoadDefault() => Default.Value;

    /// <summary>
    /// Loads a gitleaks-format config. <c>[extend] useDefault = true</c> extends Airlock's default rules;
    /// <c>[extend] path</c> is resolved relative to the file. Errors throw <see cref="SecretRulesException"/>.
    /// </summary>
    public static SecretRuleSet LoadGitleaksFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return LoadFile(path, depth: 0, visiting: []);
    }

    /// <summary>Loads gitleaks-format text; <paramref name="baseDirectory"/> resolves <c>[extend] path</c>.</summary>
    internal static SecretRuleSet LoadGitleaksText(string text, string file, string? baseDirectory = null) =>
        Resolve(GitleaksConfigReader.Read(text, file), baseDirectory ?? Directory.GetCurrentDirectory(), depth: 0, visiting: []);

    private static SecretRuleSet ReadDefault()
    {
        using var stream = typeof(SecretRuleSources).Assembly.GetManifestResourceStream(DefaultResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {DefaultResourceName} is missing from the build.");
        using var reader = new StreamReader(stream);
        var file = GitleaksConfigReader.Read(reader.ReadToEnd(), "airlock-rules.toml");
        if (file.Extend is not null)
        {
            throw new SecretRulesException("the default rules cannot use [extend]", file.File, file.Extend.DefinedAt.Line);
        }

        return Resolve(file, AppContext.BaseDirectory, 0, []) with { Source = DefaultSourceName };
    }

    private static SecretRuleSet LoadFile(string path, int depth, HashSet<string> visiting)
    {
        string text;
        var full = Path.GetFullPath(path);
        try
        {
            text = File.ReadAllText(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SecretRulesException($"cannot read the rules file: {e.Message}", path, 0, 0, "check the path given to --rules or secrets.rules");
        }

        if (!visiting.Add(full))
        {
            throw new SecretRulesException("[extend] path forms a cycle", path, 0, 0, "a rules file cannot extend itself, directly or through others");
        }

        var set = Resolve(GitleaksConfigReader.Read(text, path), Path.GetDirectoryName(full)!, depth, visiting);
        visiting.Remove(full);
        return set;
    }

    private static SecretRuleSet Resolve(GitleaksConfigFile file, string baseDirectory, int depth, HashSet<string> visiting)
    {
        var own = new SecretRuleSet { Source = file.File, Rules = file.Rules, Allowlists = file.Allowlists };
        var extend = file.Extend;
        if (extend is null || (!extend.UseDefault && string.IsNullOrEmpty(extend.Path)))
        {
            CheckComplete(own);
            return Target(own, file);
        }

        if (depth >= MaxExtendDepth)
        {
            throw new SecretRulesException($"[extend] is nested more than {MaxExtendDepth} levels deep", file.File, extend.DefinedAt.Line, extend.DefinedAt.Column);
        }

        if (extend.UseDefault && !string.IsNullOrEmpty(extend.Path))
        {
            throw new SecretRulesException("[extend] sets both useDefault and path", file.File, extend.DefinedAt.Line, extend.DefinedAt.Column, "extend either the default rules or another file, not both");
        }

        var baseSet = extend.UseDefault
            ? LoadDefault()
            : LoadFile(Path.Combine(baseDirectory, extend.Path!), depth + 1, visiting);
        var merged = Extend(own, baseSet, extend);
        CheckComplete(merged);
        return Target(merged, file);
    }

    /// <summary>gitleaks' merge: a rule with a base rule's id overrides its scalar fields and adds to its lists.</summary>
    private static SecretRuleSet Extend(SecretRuleSet own, SecretRuleSet baseSet, GitleaksExtend extend)
    {
        var disabled = extend.DisabledRules.ToHashSet(StringComparer.Ordinal);
        var ownById = own.Rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var rules = ImmutableArray.CreateBuilder<SecretRule>();
        var merged = new HashSet<string>(StringComparer.Ordinal);
        foreach (var baseRule in baseSet.Rules)
        {
            if (disabled.Contains(baseRule.Id))
            {
                continue;
            }

            if (!ownById.TryGetValue(baseRule.Id, out var change))
            {
                rules.Add(baseRule);
                continue;
            }

            merged.Add(baseRule.Id);
            rules.Add(baseRule with
            {
                Description = string.IsNullOrEmpty(change.Description) ? baseRule.Description : change.Description,
                Entropy = change.Entropy is null or 0 ? baseRule.Entropy : change.Entropy,
                SecretGroup = change.SecretGroup != 0 ? change.SecretGroup : baseRule.SecretGroup,
                Regex = change.Regex ?? baseRule.Regex,
                RegexDefinedAt = change.Regex is null ? baseRule.RegexDefinedAt : change.RegexDefinedAt,
                Path = change.Path ?? baseRule.Path,
                Tags = baseRule.Tags.AddRange(change.Tags),
                Keywords = [.. baseRule.Keywords.Concat(change.Keywords).Distinct(StringComparer.Ordinal)],
                Allowlists = baseRule.Allowlists.AddRange(change.Allowlists),
            });
        }

        rules.AddRange(own.Rules.Where(r => !merged.Contains(r.Id)));
        return new SecretRuleSet
        {
            Source = own.Source,
            Rules = rules.ToImmutable(),
            Allowlists = own.Allowlists.AddRange(baseSet.Allowlists),
        };
    }

    private static void CheckComplete(SecretRuleSet set)
    {
        foreach (var rule in set.Rules)
        {
            if (rule.Regex is null && rule.Path is null)
            {
                var at = rule.DefinedAt;
                throw new SecretRulesException($"rule '{rule.Id}' has neither a regex nor a path", at?.File, at?.Line ?? 0, at?.Column ?? 0, "add regex = '''...''' (or path = '''...''' for a rule that flags files)");
            }
        }
    }

    private static SecretRuleSet Target(SecretRuleSet set, GitleaksConfigFile file)
    {
        if (file.TargetedAllowlists.IsEmpty)
        {
            return set;
        }

        var rules = set.Rules.ToList();
        foreach (var (allowlist, ids) in file.TargetedAllowlists)
        {
            foreach (var id in ids)
            {
                var index = rules.FindIndex(r => r.Id == id);
                if (index < 0)
                {
                    var at = allowlist.DefinedAt;
                    throw new SecretRulesException($"[[allowlists]] targets unknown rule '{id}'", at?.File, at?.Line ?? 0, at?.Column ?? 0, "targetRules must name rule ids of this config");
                }

                rules[index] = rules[index] with { Allowlists = rules[index].Allowlists.Add(allowlist) };
            }
        }

        return set with { Rules = [.. rules] };
    }
}
