namespace ChatAgent.Model;

/// <summary>A piece of the model's answer as it streams, or the finished result (always last).</summary>
internal sealed record ModelUpdate(string? Delta, ModelResult? Result);
