using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace GuardBench;

/// <summary>One line of attacks.jsonl or benign.jsonl.</summary>
/// <param name="Id">The line's id; it also decides the development/held-out split.</param>
/// <param name="Text">The message. Attack texts are never printed.</param>
/// <param name="Kind">The attack kind, or the benign category (ordinary, tricky).</param>
/// <param name="Written">Benign set only: "with-rules" (seen while the rules were tuned) or "after-rules" (written after).</param>
internal sealed record BenchCase(string Id, string Text, string Kind, string? Written)
{
    /// <summary>
    /// The fixed development split: SHA-256 of the id, first byte below 128. Rules were tuned looking only at the
    /// development half of the attacks; the held-out half measures what the rules do on prompts they were not fitted to.
    /// </summary>
    public bool IsDevelopment => SHA256.HashData(Encoding.UTF8.GetBytes(Id))[0] < 128;

    public static IReadOnlyList<BenchCase> Read(string path, string kindField)
    {
        var cases = new List<BenchCase>();
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            var written = root.TryGetProperty("written", out var value) ? value.GetString() : null;
            cases.Add(new BenchCase(root.GetProperty("id").GetString()!, root.GetProperty("text").GetString()!, root.GetProperty(kindField).GetString()!, written));
        }

        return cases;
    }
}
