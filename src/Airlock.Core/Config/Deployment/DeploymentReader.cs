using System.Collections.Immutable;
using Airlock.Core.Deployment;
using YamlDotNet.RepresentationModel;

namespace Airlock.Core.Config;

/// <summary>
/// Reads the deployment sections of airlock.yaml (<c>service</c>, <c>route</c>, <c>verify</c>, <c>strategy</c>,
/// <c>analysis</c>, <c>keepWarm</c>, <c>webhooks</c>, <c>store</c>) into one <see cref="DeploymentSpec"/>. Sections may
/// come in any order, so each is kept until the whole file is read; then <see cref="Build"/> assembles them and checks
/// what spans sections. Every problem goes to the shared reader, so one run reports the whole file.
/// </summary>
internal sealed partial class DeploymentReader(YamlConfigReader reader, string baseDirectory)
{
    private const string DefaultStore = ".airlock/airlock.db";

    private readonly List<(string Key, YamlNode Node)> _sections = [];
    private ServiceSpec? _service;
    private bool _serviceWritten;
    private RouteSpec? _route;
    private ImmutableArray<VerifyProbeSpec>? _verify;
    private StrategySpec? _strategy;
    private AnalysisSpec? _analysis;
    private TimeSpan? _keepWarm;
    private ImmutableArray<WebhookSpec>? _webhooks;
    private string? _store;

    public void ReadKeepWarm(YamlNode node)
    {
        _sections.Add(("keepWarm", node));
        if (node is YamlScalarNode { Value: { } text } && ConfigQuantities.TryParseDuration(text, out var duration) && duration >= TimeSpan.Zero)
        {
            _keepWarm = duration;
            return;
        }

        reader.Error(node, "'keepWarm' must be a duration (0s stops the old stable at once).", ConfigQuantities.DurationHint);
    }

    public void ReadStore(YamlNode node)
    {
        _sections.Add(("store", node));
        if (reader.String(node, "store") is { } path)
        {
            _store = ResolvePath(path);
        }
    }

    /// <summary>The deployment description, or null when the file has no (valid) <c>service</c> section.</summary>
    public DeploymentSpec? Build(YamlNode root)
    {
        if (!_serviceWritten)
        {
            foreach (var (key, node) in _sections)
            {
                reader.Error(node, $"'{key}' is set but there is no 'service' section, so there is nothing to deploy.", "add a service section (name, command) or remove the deployment sections");
            }

            return null;
        }

        var route = _route ?? new RouteSpec();
        var analysis = _analysis ?? new AnalysisSpec();
        CheckAcrossSections(root, route, analysis);
        return _service is null ? null : new DeploymentSpec
        {
            Service = _service,
            Route = route,
            Verify = _verify ?? [],
            Strategy = _strategy ?? StrategySpec.Default,
            Analysis = analysis,
            KeepWarm = _keepWarm ?? TimeSpan.FromMinutes(5),
            Webhooks = _webhooks ?? [],
            StorePath = _store ?? ResolvePath(DefaultStore),
        };
    }

    private void CheckAcrossSections(YamlNode root, RouteSpec route, AnalysisSpec analysis)
    {
        if (route.Listen.Port == route.Admin.Port && SameHost(route.Listen, route.Admin))
        {
            reader.Error(SectionNode("route") ?? root, $"route.listen and route.admin are both {route.Listen.Authority}.", "the data plane and the admin API need their own ports, e.g. 8080 and 9090");
        }

        foreach (var condition in analysis.Rollback.Concat(analysis.Warn).Where(c => c.Window < analysis.Interval))
        {
            // A default condition has no line of its own: point at the analysis section that set the interval.
            var location = condition.Source.Line > 0 ? condition.Source : reader.Locate(SectionNode("analysis") ?? root);
            reader.Error(location, $"the window of '{condition.Text}' is shorter than analysis.interval ({ConfigQuantities.FormatDuration(analysis.Interval)}).", "a window must span at least one analysis interval");
        }
    }

    private YamlNode? SectionNode(string key) => _sections.FirstOrDefault(s => s.Key == key).Node;

    private static bool SameHost(Uri a, Uri b) =>
        string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase) || (a.IsLoopback && b.IsLoopback);

    private string ResolvePath(string path) => Path.GetFullPath(Path.Combine(baseDirectory, path));
}
