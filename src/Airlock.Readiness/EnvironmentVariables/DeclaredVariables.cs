namespace Airlock.Readiness.EnvironmentVariables;

/// <summary>
/// Everything the deployment declares. Variables match by exact name (Linux environments are case-sensitive);
/// configuration keys match case-insensitively, as .NET configuration does, either as the <c>A__B</c>
/// variable (with any <c>AddEnvironmentVariables</c> prefix) or as an appsettings key <c>A:B</c>.
/// </summary>
internal sealed class DeclaredVariables
{
    private readonly Dictionary<string, Declaration> _variables = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Declaration> _variablesIgnoreCase = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Declaration> _configurationKeys = new(StringComparer.OrdinalIgnoreCase);

    public int Count => _variables.Count + _configurationKeys.Count;

    /// <summary>Adds an environment variable; <c>A:B</c> spellings (allowed in airlock.yaml) also declare the key.</summary>
    public void AddVariable(Declaration declaration)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        if (declaration.Name.Contains(':', StringComparison.Ordinal))
        {
            AddConfigurationKey(declaration);
            return;
        }

        _variables.TryAdd(declaration.Name, declaration);
        _variablesIgnoreCase.TryAdd(declaration.Name, declaration);
    }

    public void AddConfigurationKey(Declaration declaration)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        _configurationKeys.TryAdd(declaration.Name, declaration);
    }

    public Declaration? Find(EnvironmentRead read, IReadOnlyCollection<string> environmentPrefixes)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(environmentPrefixes);
        if (read.Name is null)
        {
            return null;
        }

        if (read.ConfigurationKey is null)
        {
            return _variables.GetValueOrDefault(read.Name) ?? PlatformVariables.Find(read.Name);
        }

        if (_configurationKeys.TryGetValue(read.ConfigurationKey, out var key))
        {
            return key;
        }

        foreach (var candidate in environmentPrefixes.Select(p => p + read.Name).Prepend(read.Name))
        {
            if (_variablesIgnoreCase.TryGetValue(candidate, out var variable))
            {
                return variable;
            }
        }

        return null;
    }
}
