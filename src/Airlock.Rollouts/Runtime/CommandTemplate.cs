using System.Collections.Immutable;
using System.Globalization;

namespace Airlock.Rollouts.Runtime;

/// <summary>Fills <c>{port}</c> and <c>{revision}</c> into the command and environment of one revision.</summary>
internal static class CommandTemplate
{
    public static string Fill(string template, int port, string revision) => template
        .Replace("{port}", port.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{revision}", revision, StringComparison.Ordinal);

    public static ImmutableArray<string> Fill(ImmutableArray<string> command, int port, string revision) =>
        [.. command.Select(argument => Fill(argument, port, revision))];
}
