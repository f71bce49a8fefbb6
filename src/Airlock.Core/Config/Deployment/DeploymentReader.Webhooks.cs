using System.Collections.Immutable;
using Airlock.Core.Deployment;
using YamlDotNet.RepresentationModel;

namespace Airlock.Core.Config;

internal sealed partial class DeploymentReader
{
    public void ReadWebhooks(YamlNode node)
    {
        _sections.Add(("webhooks", node));
        if (node is not YamlSequenceNode sequence)
        {
            reader.Error(node, "'webhooks' must be a list.", "'- { url: https://chat.example/hook, events: [promoted, rolled_back] }'");
            return;
        }

        var webhooks = ImmutableArray.CreateBuilder<WebhookSpec>();
        foreach (var item in sequence.Children)
        {
            Uri? url = null;
            var events = WebhookEvents.All;
            reader.ReadMapping(item, "a webhook", new Dictionary<string, Action<YamlNode>>(StringComparer.Ordinal)
            {
                ["url"] = n => url = Url(n, "webhooks[].url", loopbackOnly: false, allowPath: true),
                ["events"] = n => events = ReadEvents(n),
            });
            if (item is YamlMappingNode && !HasKey(item, "url"))
            {
                reader.Error(item, "a webhook needs a 'url'.", "the http(s) address that receives a JSON POST per event");
            }

            if (url is not null)
            {
                webhooks.Add(new WebhookSpec(url, events));
            }
        }

        _webhooks = webhooks.ToImmutable();
    }

    private ImmutableArray<string> ReadEvents(YamlNode node)
    {
        var events = reader.StringList(node, "webhooks[].events");
        if (node is YamlSequenceNode { Children.Count: 0 })
        {
            reader.Error(node, "'webhooks[].events' is empty, so the webhook would never be called.", "list events, or remove the key to get all of them");
        }

        if (node is YamlSequenceNode sequence)
        {
            foreach (var item in sequence.Children.OfType<YamlScalarNode>().Where(s => s.Value is { Length: > 0 } && !WebhookEvents.All.Contains(s.Value)))
            {
                var suggestion = YamlConfigReader.Suggest(item.Value!, WebhookEvents.All);
                reader.Error(item, $"unknown webhook event '{item.Value}'.", suggestion is null ? $"events: {string.Join(", ", WebhookEvents.All)}" : $"did you mean '{suggestion}'?");
            }
        }

        return events;
    }
}
