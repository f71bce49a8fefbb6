using System.Collections.Immutable;

namespace Airlock.Core.Config.Live;

/// <summary>Row 7: questions the knowledge base answers (with a citation) and ones it cannot (honest fallback).</summary>
public sealed record LiveRetrievalConfig
{
    public ImmutableArray<string> Answerable { get; init; } =
    [
        "When is the support team available?",
        "How many messages can I send per minute?",
    ];

    public ImmutableArray<string> Unanswerable { get; init; } =
    [
        "Can I pay with bitcoin?",
        "What is the capital of Mongolia?",
    ];

    /// <summary>JSON path of the citations array; an answered question needs at least one.</summary>
    public string CitationsField { get; init; } = "citations";

    /// <summary>JSON path that is <c>false</c> when the agent says it does not know.</summary>
    public string AnsweredField { get; init; } = "answered";
}
