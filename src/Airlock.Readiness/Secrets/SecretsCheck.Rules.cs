using System.Text.RegularExpressions;
using Airlock.Core.Config;
using Airlock.Readiness.Rubric;
using Airlock.Readiness.Secrets.Rules;

namespace Airlock.Readiness.Secrets;

internal sealed partial class SecretsCheck
{
    /// <summary>The file teams already use with gitleaks, picked up when present at the repository root.</summary>
    public const string GitleaksFileName = ".gitleaks.toml";

    private static readonly TimeSpan AllowPathTimeout = TimeSpan.FromSeconds(1);

    /// <summary>
    /// <c>--rules</c> first, then <c>.gitleaks.toml</c> at the root, then <c>secrets.rules</c>, then the defaults.
    /// A rules file that cannot be used is a configuration error.
    /// </summary>
    internal static SecretsRulesChoice ChooseRules(CheckContext context)
    {
        try
        {
            if (context.RulesFile is { } given)
            {
                return new SecretsRulesChoice(SecretRuleSources.LoadGitleaksFile(Path.GetFullPath(given)), $"--rules {given}");
            }

            var gitleaks = context.FullPath(GitleaksFileName);
            if (File.Exists(gitleaks))
            {
                return new SecretsRulesChoice(SecretRuleSources.LoadGitleaksFile(gitleaks), $"{GitleaksFileName}, auto-detected");
            }

            if (context.Config.Secrets.Rules is { } configured)
            {
                return new SecretsRulesChoice(SecretRuleSources.LoadGitleaksFile(context.FullPath(configured)), $"secrets.rules {configured}");
            }

            return new SecretsRulesChoice(SecretRuleSources.LoadDefault(), SecretRuleSources.DefaultSourceName);
        }
        catch (SecretRulesException exception)
        {
            var location = exception.File is null ? (ConfigLocation?)null : new ConfigLocation(exception.File, exception.Line, exception.Column);
            throw location is { } at
                ? new SecretsConfigException(at, exception.Message, exception)
                : new SecretsConfigException(exception.Message, exception);
        }
    }

    /// <summary>Compiles <c>secrets.allowPaths</c>; every invalid entry is reported, not only the first.</summary>
    internal static IReadOnlyList<Regex> CompileAllowPaths(AirlockConfig config)
    {
        var compiled = new List<Regex>();
        var errors = new List<string>();
        for (var i = 0; i < config.Secrets.AllowPaths.Length; i++)
        {
            var pattern = config.Secrets.AllowPaths[i];
            try
            {
                compiled.Add(new Regex(pattern, RegexOptions.CultureInvariant, AllowPathTimeout));
            }
            catch (ArgumentException exception)
            {
                errors.Add($"secrets.allowPaths[{i}] \"{pattern}\" is not a valid regex: {exception.Message}");
            }
        }

        if (errors.Count > 0)
        {
            var message = string.Join("; ", errors);
            throw config.SourcePath is { } file
                ? new SecretsConfigException(new ConfigLocation(file, 0, 0), message)
                : new SecretsConfigException(message);
        }

        return compiled;
    }

    private static bool IsAllowedPath(IReadOnlyList<Regex> allowPaths, string path)
    {
        foreach (var regex in allowPaths)
        {
            try
            {
                if (regex.IsMatch(path))
                {
                    return true;
                }
            }
            catch (RegexMatchTimeoutException)
            {
                // A pathological pattern does not hide the file: it is scanned.
            }
        }

        return false;
    }
}
