namespace ChatAgent.Guard;

/// <summary>What the input guard made of one message: blocked or not, the kind, the score and the rules that fired.</summary>
/// <param name="Kind">The kind carrying most of the score; null when no rule fired.</param>
/// <param name="Rules">Names of the rules that fired, in rule-file order: the explanation of the verdict.</param>
internal sealed record GuardVerdict(bool Blocked, string? Kind, double Score, IReadOnlyList<string> Rules)
{
    public static GuardVerdict Clean { get; } = new(false, null, 0, []);
}
