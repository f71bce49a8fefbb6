using System.Text;

namespace Airlock.Readiness.CustomChecks;

/// <summary>
/// Reads a command's stream to the end keeping only its tail (a build log can be gigabytes) and
/// whether an expected fragment appeared anywhere in it, including across read boundaries.
/// </summary>
internal sealed class OutputCapture
{
    /// <summary>Characters of output kept for the evidence.</summary>
    public const int TailCharacters = 8 * 1024;

    private readonly string? _expected;
    private readonly StringBuilder _tail = new();
    private readonly StringBuilder _window = new();

    public OutputCapture(string? expected)
    {
        _expected = string.IsNullOrEmpty(expected) ? null : expected;
    }

    public bool FoundExpected { get; private set; }

    public long TotalCharacters { get; private set; }

    public string Tail => _tail.ToString();

    public async Task ReadToEndAsync(TextReader reader, CancellationToken cancellationToken)
    {
        var buffer = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(buffer, cancellationToken)) > 0)
        {
            Append(buffer.AsSpan(0, read));
        }
    }

    private void Append(ReadOnlySpan<char> chunk)
    {
        TotalCharacters += chunk.Length;
        _tail.Append(chunk);
        if (_tail.Length > TailCharacters * 2)
        {
            _tail.Remove(0, _tail.Length - TailCharacters);
        }

        if (_expected is null || FoundExpected)
        {
            return;
        }

        // Search the carried-over end of the previous chunk plus this chunk, so a split fragment is found.
        _window.Append(chunk);
        FoundExpected = _window.ToString().Contains(_expected, StringComparison.Ordinal);
        if (_window.Length > _expected.Length)
        {
            _window.Remove(0, _window.Length - (_expected.Length - 1));
        }
    }
}
