using System.Text.Json;
using Airlock.Cli.Hosting;

namespace Airlock.Cli.Rollouts;

/// <summary>
/// Where <c>airlock serve</c> listens and its token, as the client verbs find them: <c>.airlock/serve.json</c> and
/// <c>.airlock/serve.token</c> in the project folder (written by serve on start), or <c>--server</c>.
/// </summary>
internal sealed record ServeEndpoint(Uri Url, string TokenFile)
{
    public const string StateFolder = ".airlock";
    public const string UrlFile = "serve.json";
    public const string TokenFileName = "serve.token";
    public static readonly Uri DefaultUrl = new("http://127.0.0.1:7070");

    public static ServeEndpoint Resolve(string projectDirectory, string? server)
    {
        var state = Path.Combine(Path.GetFullPath(projectDirectory), StateFolder);
        var tokenFile = Path.Combine(state, TokenFileName);
        if (server is not null)
        {
            return Uri.TryCreate(server, UriKind.Absolute, out var explicitUrl) && explicitUrl.Scheme == Uri.UriSchemeHttp
                ? new ServeEndpoint(explicitUrl, tokenFile)
                : throw new UsageException($"--server '{server}' is not an http:// URL.", "for example --server http://127.0.0.1:7070");
        }

        var urlFile = Path.Combine(state, UrlFile);
        if (File.Exists(urlFile))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(urlFile));
            if (document.RootElement.TryGetProperty("url", out var url) && Uri.TryCreate(url.GetString(), UriKind.Absolute, out var written))
            {
                return new ServeEndpoint(written, tokenFile);
            }
        }

        return new ServeEndpoint(DefaultUrl, tokenFile);
    }

    /// <summary>Written by <c>airlock serve</c> once it listens, so clients find a port chosen at start.</summary>
    public static void Write(string projectDirectory, Uri url)
    {
        var state = Path.Combine(Path.GetFullPath(projectDirectory), StateFolder);
        Directory.CreateDirectory(state);
        Core.IO.AtomicFile.WriteAllText(Path.Combine(state, UrlFile), JsonSerializer.Serialize(new { url = url.ToString() }));
    }
}
