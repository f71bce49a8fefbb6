using System.Collections.Immutable;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Airlock.Core.Deployment;

namespace Airlock.Rollouts.Controller;

/// <summary>
/// Sends the spec's verification probes to a candidate directly (not through the router), before it gets any
/// traffic. Only the candidate's own loopback URL is ever contacted.
/// </summary>
public sealed class VerifyProbeRunner(HttpClient http)
{
    /// <summary>Bodies are read up to this size: enough for an error document, bounded for a misbehaving candidate.</summary>
    private const int MaxBodyBytes = 64 * 1024;

    public async Task<ImmutableArray<ProbeOutcome>> RunAsync(Uri candidate, ImmutableArray<VerifyProbeSpec> probes, CancellationToken cancellationToken)
    {
        var outcomes = ImmutableArray.CreateBuilder<ProbeOutcome>(probes.Length);
        foreach (var probe in probes)
        {
            outcomes.Add(await RunOneAsync(candidate, probe, cancellationToken));
        }

        return outcomes.MoveToImmutable();
    }

    private async Task<ProbeOutcome> RunOneAsync(Uri candidate, VerifyProbeSpec probe, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(probe.Timeout);
        try
        {
            using var request = BuildRequest(candidate, probe);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var body = await ReadBoundedAsync(response, timeout.Token);
            var status = (int)response.StatusCode;
            var problems = Check(probe, status, body);
            return problems.Count == 0
                ? new ProbeOutcome(probe.Name, true, status, $"{probe.Method} {probe.Path} -> {status} as expected")
                : new ProbeOutcome(probe.Name, false, status, $"{probe.Method} {probe.Path} -> {status}: {string.Join("; ", problems)}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ProbeOutcome(probe.Name, false, null, $"{probe.Method} {probe.Path}: no answer within {probe.Timeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException ex)
        {
            return new ProbeOutcome(probe.Name, false, null, $"{probe.Method} {probe.Path}: {ex.Message}");
        }
    }

    private static HttpRequestMessage BuildRequest(Uri candidate, VerifyProbeSpec probe)
    {
        var request = new HttpRequestMessage(new HttpMethod(probe.Method), new Uri(candidate, probe.Path));
        string? contentType = null;
        foreach (var (name, value) in probe.Headers)
        {
            if (name.Equals("content-type", StringComparison.OrdinalIgnoreCase))
            {
                contentType = value;
            }
            else
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        if (probe.Body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(probe.Body));
            if (contentType is not null && MediaTypeHeaderValue.TryParse(contentType, out var parsed))
            {
                request.Content.Headers.ContentType = parsed;
            }
        }

        return request;
    }

    private static List<string> Check(VerifyProbeSpec probe, int status, string body)
    {
        var problems = new List<string>();
        if (status != probe.ExpectStatus)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"expected status {probe.ExpectStatus}"));
        }

        if (probe.ExpectBody is { } fragment && !body.Contains(fragment, StringComparison.Ordinal))
        {
            problems.Add($"the body does not contain '{fragment}'");
        }

        if (probe.ExpectJsonPath is { } path)
        {
            var actual = ReadJsonPath(body, path);
            if (actual != probe.ExpectJsonEquals)
            {
                problems.Add(actual is null ? $"the body has no JSON value at '{path}'" : $"'{path}' is '{actual}', expected '{probe.ExpectJsonEquals}'");
            }
        }

        return problems;
    }

    /// <summary>A dotted path (<c>error.code</c>, <c>items.0.id</c>) into a JSON body; null when absent or not JSON.</summary>
    internal static string? ReadJsonPath(string body, string path)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var element = document.RootElement;
            foreach (var part in path.Split('.'))
            {
                if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(part, out var child))
                {
                    element = child;
                }
                else if (element.ValueKind == JsonValueKind.Array && int.TryParse(part, CultureInfo.InvariantCulture, out var index) && index >= 0 && index < element.GetArrayLength())
                {
                    element = element[index];
                }
                else
                {
                    return null;
                }
            }

            return element.ValueKind == JsonValueKind.String ? element.GetString() : element.GetRawText();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task<string> ReadBoundedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[MaxBodyBytes];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken)) > 0)
        {
            total += read;
        }

        return Encoding.UTF8.GetString(buffer, 0, total);
    }
}
