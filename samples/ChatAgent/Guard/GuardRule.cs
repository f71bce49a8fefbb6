using System.Text.RegularExpressions;

namespace ChatAgent.Guard;

/// <summary>One named signal over normalised text. Its weight adds to a message's score; a score at the threshold blocks.</summary>
/// <param name="Name">Stable id, reported as the reason for a block (logs, the benchmark), never the matched text.</param>
/// <param name="Line">Line of the rule file, for errors and for finding the rule from a log line.</param>
internal sealed record GuardRule(string Name, string Kind, double Weight, Regex Pattern, int Line);
