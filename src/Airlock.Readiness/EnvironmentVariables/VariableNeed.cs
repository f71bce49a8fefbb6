namespace Airlock.Readiness.EnvironmentVariables;

/// <summary>What the code does when a variable is not set.</summary>
internal enum VariableNeed
{
    /// <summary>No default and no check: it throws, or passes null on until something does.</summary>
    Required,

    /// <summary>The code sees null/undefined/None and checks for it: it runs, without whatever needed the value.</summary>
    Optional,

    /// <summary>An explicit default value is used.</summary>
    Defaulted,
}
