namespace ChatAgent.Agent;

internal sealed record StreamDelta(string Text);
