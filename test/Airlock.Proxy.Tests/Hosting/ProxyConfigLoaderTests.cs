using Airlock.Core.Config;
using Airlock.Proxy.Forwarding;
using Airlock.Proxy.Hosting;

namespace Airlock.Proxy.Tests.Hosting;

public sealed class ProxyConfigLoaderTests
{
    [Fact]
    public void Parse_FullFile_ReadsRoutesRingsAndForwarding()
    {
        var config = ProxyConfigLoader.Parse("""
            version: 1
            forwarding:
              connectTimeout: 2s
              responseHeadersTimeout: 30s
              idleStreamTimeout: 10m
              host: preserve
              maxRequestBodySize: 10MiB
            routes:
              - name: chat
                pathPrefix: /agent/
                salt: rollout-9
                userKey: { header: X-User-Id }
                conversation: { header: X-Conversation-Id }
                revisions:
                  - { name: v1, upstream: "http://127.0.0.1:5001", weight: 95 }
                  - { name: v2, upstream: "http://127.0.0.1:5002/base", weight: 5 }
                rings:
                  - { revision: v2, userKeys: [alice] }
            """, "routes.yaml");

        var route = Assert.Single(config.Routes.Routes);
        Assert.Equal("/agent", route.PathPrefix.Value);
        Assert.Equal("rollout-9", route.Salt);
        Assert.Equal("X-User-Id", route.UserKey.Header);
        Assert.Null(route.UserKey.Cookie);
        Assert.Equal("X-Conversation-Id", route.ConversationHeader);
        Assert.Equal([9500, 10000], route.Boundaries.ToArray());
        Assert.Equal("v2", Assert.Single(route.Rings).Revision);
        Assert.Equal(TimeSpan.FromSeconds(2), config.Forwarding.ConnectTimeout);
        Assert.Equal(TimeSpan.FromMinutes(10), config.Forwarding.IdleStreamTimeout);
        Assert.Equal(HostPolicy.Preserve, config.Forwarding.Host);
        Assert.Equal(10 * 1024 * 1024, config.Forwarding.MaxRequestBodySize);
    }

    [Fact]
    public void Parse_SeveralMistakes_ReportsEveryOneWithItsLine()
    {
        var ex = Assert.Throws<ConfigException>(() => ProxyConfigLoader.Parse("""
            forwarding:
              idleTimeout: 5m
              host: rewrite
            routes:
              - name: chat
                revisions:
                  - { name: v1, upstream: "ftp://x", weight: 1 }
                  - { name: v2, upstream: "http://127.0.0.1:5002", weight: 0 }
                rings:
                  - { revision: v3, userKeys: [alice] }
              - name: chat
                revisions:
                  - { name: v1, upstream: "http://127.0.0.1:5001", weight: 0 }
            """, "routes.yaml"));

        var messages = ex.Errors.Select(e => $"{e.Location.Line}: {e.Message}").ToList();
        Assert.Contains(messages, m => m.StartsWith("2: unknown key 'idleTimeout'", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Hint?.Contains("idleStreamTimeout", StringComparison.Ordinal) == true);
        Assert.Contains(messages, m => m.StartsWith("3: host 'rewrite'", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("7: upstream 'ftp://x'", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("10: route 'chat': the ring names revision 'v3'", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("13: route 'chat': every revision has weight 0", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("defined twice", StringComparison.Ordinal));
        Assert.Equal(6, ex.Errors.Length);
    }

    [Fact]
    public void Parse_NoRoutes_IsAnError()
    {
        var ex = Assert.Throws<ConfigException>(() => ProxyConfigLoader.Parse("version: 1", "routes.yaml"));

        Assert.Contains("no 'routes:'", Assert.Single(ex.Errors).Message, StringComparison.Ordinal);
    }
}
