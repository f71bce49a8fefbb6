using System.Globalization;
using System.Text;

namespace Airlock.Readiness.Git;

/// <summary>Reads many small blobs through one <c>git cat-file --batch</c> process, byte-exact.</summary>
internal static class BlobBatch
{
    public static async Task<Dictionary<string, byte[]>> ReadAsync(
        GitRepository git,
        IReadOnlyCollection<string> blobIds,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(git);
        ArgumentNullException.ThrowIfNull(blobIds);
        var blobs = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        if (blobIds.Count == 0)
        {
            return blobs;
        }

        await CatFileBatch.RunAsync(
            git,
            "--batch",
            "git cat-file --batch",
            blobIds,
            async stdout =>
            {
                var output = new BufferedStream(stdout.BaseStream);
                while (await ReadHeaderAsync(output, cancellationToken) is { } header)
                {
                    // "<id> <type> <size>" or "<id> missing".
                    var parts = header.Split(' ');
                    if (parts.Length != 3 || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var size))
                    {
                        continue;
                    }

                    var content = new byte[size];
                    await output.ReadExactlyAsync(content, cancellationToken);
                    output.ReadByte();
                    blobs[parts[0]] = content;
                }
            },
            cancellationToken);
        return blobs;
    }

    private static async Task<string?> ReadHeaderAsync(Stream stream, CancellationToken cancellationToken)
    {
        var line = new List<byte>(100);
        var one = new byte[1];
        while (true)
        {
            if (await stream.ReadAsync(one, cancellationToken) == 0)
            {
                return line.Count == 0 ? null : Encoding.ASCII.GetString([.. line]);
            }

            if (one[0] == '\n')
            {
                return Encoding.ASCII.GetString([.. line]);
            }

            line.Add(one[0]);
        }
    }
}
