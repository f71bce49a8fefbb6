namespace Airlock.Readiness.Dependencies;

/// <summary>A dependency declared in package.json: <c>"name": "spec"</c> in one of its dependency sections.</summary>
internal sealed record NpmDependency(string Name, string Spec, string Section)
{
    /// <summary>The semver range to test a locked version against; null for tags, URLs, <c>file:</c>, <c>workspace:</c>.</summary>
    public NpmRange? Range
    {
        get
        {
            var spec = Spec;
            if (spec.StartsWith("npm:", StringComparison.Ordinal))
            {
                // An alias "npm:real-name@^1.2": the range is after the last '@' (scoped names start with one).
                var at = spec.LastIndexOf('@');
                spec = at > 4 ? spec[(at + 1)..] : "*";
            }

            return spec.Contains(':', StringComparison.Ordinal) || spec.Contains('/', StringComparison.Ordinal)
                ? null
                : NpmRange.TryParse(spec);
        }
    }
}
