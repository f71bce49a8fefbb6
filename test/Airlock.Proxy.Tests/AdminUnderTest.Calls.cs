using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Airlock.Proxy.Tests;

internal sealed partial class AdminUnderTest
{
    /// <summary>Applies a route file through the admin API (PUT with the serving version) and returns the new version.</summary>
    public async Task<long> ApplyAsync(string routeFileYaml)
    {
        var version = Proxy.Server.Routes.Current.Generation;
        using var request = new HttpRequestMessage(HttpMethod.Put, "/admin/routes") { Content = new StringContent(routeFileYaml, Encoding.UTF8, "application/yaml") };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{version}\""));
        using var response = await Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt64();
    }

    /// <summary>GET on the admin API, expecting 200 and a JSON body.</summary>
    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The client can see a response end just before the proxy counts it: wait (bounded) for the count to land.</summary>
    public async Task WaitUntilNothingInFlightAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (Proxy.Server.Telemetry.Snapshot().Any(r => r.InFlight > 0) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }
    }
}
