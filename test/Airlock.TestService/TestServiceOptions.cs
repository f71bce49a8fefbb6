using System.Globalization;

namespace Airlock.TestService;

/// <summary>
/// Command-line switches: <c>--port N</c> (required), and the faults: <c>--error-rate 0.5</c>, <c>--error-code CODE</c>,
/// <c>--latency-ms 200</c>, <c>--crash-on-start</c>, <c>--fail-health</c>, <c>--ignore-sigterm</c>, <c>--bind-port N</c>
/// (listen there instead, to provoke "address already in use"). The error rate can also come from the environment
/// (<c>TEST_ERROR_RATE</c>) so <c>airlock deploy --env</c> can make one revision faulty without a new command.
/// </summary>
internal sealed record TestServiceOptions(int Port, double ErrorRate, string ErrorCode, int LatencyMs, bool CrashOnStart, bool FailHealth, bool IgnoreSigterm)
{
    public static TestServiceOptions Parse(string[] args)
    {
        string? Value(string name)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
        }

        bool Flag(string name) => args.Contains(name, StringComparer.Ordinal);

        var port = Value("--bind-port") ?? Value("--port") ?? throw new ArgumentException("--port is required");
        return new TestServiceOptions(
            int.Parse(port, CultureInfo.InvariantCulture),
            double.Parse(Value("--error-rate") ?? Environment.GetEnvironmentVariable("TEST_ERROR_RATE") ?? "0", CultureInfo.InvariantCulture),
            Value("--error-code") ?? "test.injected_error",
            int.Parse(Value("--latency-ms") ?? "0", CultureInfo.InvariantCulture),
            Flag("--crash-on-start"),
            Flag("--fail-health"),
            Flag("--ignore-sigterm"));
    }
}
