namespace Airlock.Readiness.Docker;

/// <summary>One Dockerfile instruction after line continuations are joined.</summary>
/// <param name="Keyword">Upper-case instruction (<c>FROM</c>, <c>RUN</c>, ...).</param>
/// <param name="Arguments">Everything after the keyword, continuation lines joined as BuildKit joins them.</param>
/// <param name="Line">1-based line of the keyword.</param>
public sealed record DockerInstruction(string Keyword, string Arguments, int Line)
{
    /// <summary>Bodies of the heredocs the instruction opens (<c>RUN &lt;&lt;EOF</c>), in order.</summary>
    public IReadOnlyList<string> Heredocs { get; init; } = [];

    /// <summary>True when the arguments are in exec (JSON array) form.</summary>
    public bool IsExecForm => Arguments.TrimStart().StartsWith('[');

    /// <summary>Leading <c>--flag=value</c> options (for example <c>--from=build</c>, <c>--platform=...</c>).</summary>
    public IReadOnlyDictionary<string, string> Flags => DockerfileParser.ParseFlags(Arguments, out _);

    /// <summary>The arguments without leading <c>--flag</c> options.</summary>
    public string ArgumentsWithoutFlags
    {
        get
        {
            DockerfileParser.ParseFlags(Arguments, out var rest);
            return rest;
        }
    }

    /// <summary>The shell text a <c>RUN</c> executes: its arguments followed by any heredoc bodies.</summary>
    public string Script => Heredocs.Count == 0 ? Arguments : Arguments + "\n" + string.Join('\n', Heredocs);
}
