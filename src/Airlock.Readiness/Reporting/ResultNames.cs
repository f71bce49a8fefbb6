using Airlock.Readiness.Rubric;

namespace Airlock.Readiness.Reporting;

/// <summary>Spellings of results shared by every format.</summary>
public static class ResultNames
{
    public static string Key(this CheckResult result) => result switch
    {
        CheckResult.Pass => "pass",
        CheckResult.Fail => "fail",
        CheckResult.Warn => "warn",
        CheckResult.Skipped => "skipped",
        _ => throw new ArgumentOutOfRangeException(nameof(result), result, "Unknown result."),
    };

    /// <summary>Text plus symbol, so colour is never the only carrier of meaning.</summary>
    public static string Badge(this CheckResult result) => result switch
    {
        CheckResult.Pass => "✔ pass",
        CheckResult.Fail => "✘ FAIL",
        CheckResult.Warn => "! warn",
        CheckResult.Skipped => "– skipped",
        _ => throw new ArgumentOutOfRangeException(nameof(result), result, "Unknown result."),
    };
}
