namespace ChatAgent.Agent;

/// <param name="Number">The [n] marker used in the answer text.</param>
internal sealed record Citation(int Number, string Source, string Title, string Section, double Score);
