namespace Airlock.Readiness.Secrets.History;

/// <summary>Reads the new-file side of a unified hunk header: <c>@@ -a[,b] +c[,d] @@</c>.</summary>
internal static class HunkHeader
{
    /// <summary>The 1-based line where the hunk's added lines start (c); 0 if the header is malformed.</summary>
    public static int NewStart(ReadOnlySpan<byte> header)
    {
        var plus = header.IndexOf(" +"u8);
        if (plus < 0)
        {
            return 0;
        }

        var value = 0;
        foreach (var c in header[(plus + 2)..])
        {
            if (c is < (byte)'0' or > (byte)'9')
            {
                break;
            }

            value = (value * 10) + (c - '0');
        }

        // "+0,0" (all lines removed) has no added lines, so its start is never used.
        return value;
    }
}
