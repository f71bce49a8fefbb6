namespace Airlock.Browser;

/// <summary>One problem observed on a page.</summary>
/// <param name="Message">The browser's own text (console message, exception description, network error or status).</param>
/// <param name="Url">The resource or script it concerns, when the browser said.</param>
public sealed record PageProblem(PageProblemKind Kind, string Message, string? Url)
{
    public override string ToString() => Url is null ? $"{Kind}: {Message}" : $"{Kind}: {Message} ({Url})";
}
