using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace Airlock.Cli.Hosting;

/// <summary>The <c>--verbose</c> log: plain lines on standard error, never on standard output.</summary>
internal sealed class StderrLoggerProvider(IAnsiConsole error, LogLevel minimum) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new StderrLogger(error, minimum, categoryName);

    public void Dispose()
    {
    }

    private sealed class StderrLogger(IAnsiConsole error, LogLevel minimum, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var line = $"{logLevel.ToString().ToLowerInvariant()}: {category.Split('.')[^1]}[{eventId.Id}] {formatter(state, exception)}";
            error.WriteLine(exception is null ? line : $"{line}{Environment.NewLine}{exception}", new Style(Color.Grey));
        }
    }
}
