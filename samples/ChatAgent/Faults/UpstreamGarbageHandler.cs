using System.Net;
using System.Text;

namespace ChatAgent.Faults;

/// <summary>
/// <c>Faults:UpstreamGarbage</c> for the model: every call "returns" 200 with an HTML error page, as a captive portal or
/// a misrouted gateway would. The request is not sent, so a demo costs no tokens.
/// </summary>
internal sealed class UpstreamGarbageHandler : DelegatingHandler
{
    public const string Page = "<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(Page, Encoding.UTF8, "text/html"),
            RequestMessage = request,
        });
}
