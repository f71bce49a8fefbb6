using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Airlock.Readiness.Git;
using Airlock.Readiness.Rubric;
using NuGet.Versioning;

namespace Airlock.Readiness.Dependencies;

/// <summary>
/// NuGet: every <c>PackageReference</c>/<c>PackageVersion</c> names one version, and restores are repeatable
/// (a packages.lock.json or central package management).
/// </summary>
/// <remarks>
/// A bare version (<c>1.2.3</c>) counts as pinned: NuGet reads it as "1.2.3 or higher" but resolves the lowest
/// applicable version, so it restores 1.2.3 whenever 1.2.3 exists. Floating versions (<c>1.*</c>) restore the
/// newest release and ranges (<c>[1.0,2.0)</c>) let another constraint move the version inside the range:
/// both fail. Exact brackets (<c>[1.2.3]</c>) pass.
/// </remarks>
internal static partial class NuGetPinRule
{
    private static readonly string[] ProjectExtensions = [".csproj", ".fsproj", ".vbproj", ".props", ".targets"];
    private static readonly string[] ItemNames = ["PackageReference", "PackageVersion", "GlobalPackageReference"];
    private static readonly string[] VersionNames = ["Version", "VersionOverride"];

    public static RubricRow Evaluate(WorkingTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var row = DependencyRow.Create(
            "nuget",
            "NuGet package versions float or span a range, or restores are not locked: a clean restore pulls newer releases",
            "Every PackageReference/PackageVersion/GlobalPackageReference Version (and VersionOverride) in *.csproj, *.fsproj, "
            + "*.vbproj, *.props, *.targets parsed as a NuGet range: floating (`*`) or a range (`[1.0,2.0)`) fails, a bare or "
            + "exact (`[1.2.3]`) version passes; without packages.lock.json and without ManagePackageVersionsCentrally the row warns",
            "Use exact versions (`1.2.3` or `[1.2.3]`), keep them in Directory.Packages.props with "
            + "`<ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>`, and/or set "
            + "`<RestorePackagesWithLockFile>true</RestorePackagesWithLockFile>`, commit packages.lock.json and restore with `--locked-mode`.");
        var files = tree.Files.Where(f => ProjectExtensions.Any(e => f.EndsWith(e, StringComparison.OrdinalIgnoreCase))).ToList();
        var packagesConfigs = tree.Named("packages.config").Count();
        if (!files.Any(IsProject) && packagesConfigs == 0)
        {
            return row.Skipped("No .NET project (*.csproj, *.fsproj, *.vbproj) in the repository.");
        }

        var failures = new List<Evidence>();
        var warnings = new List<Evidence>();
        var documents = new List<(string Path, XDocument Document)>();
        foreach (var path in files)
        {
            try
            {
                var text = tree.ReadText(path);
                if (text is not null)
                {
                    documents.Add((path, XDocument.Parse(text, LoadOptions.SetLineInfo)));
                }
            }
            catch (XmlException e)
            {
                warnings.Add(new Evidence($"not well-formed XML, not judged: {e.Message}") { File = path });
            }
        }

        var properties = Properties(documents);
        var central = properties.TryGetValue("ManagePackageVersionsCentrally", out var cpm) && cpm.Equals("true", StringComparison.OrdinalIgnoreCase);
        var locked = tree.Named("packages.lock.json").Any();
        var references = 0;
        foreach (var (path, document) in documents)
        {
            foreach (var item in document.Descendants().Where(e => ItemNames.Contains(e.Name.LocalName, StringComparer.Ordinal)))
            {
                var package = (string?)item.Attribute("Include") ?? (string?)item.Attribute("Update");
                if (package is null)
                {
                    continue;
                }

                references++;
                var line = ((IXmlLineInfo)item).HasLineInfo() ? ((IXmlLineInfo)item).LineNumber : (int?)null;
                var versions = VersionNames
                    .Select(name => (string?)item.Attribute(name) ?? item.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value)
                    .Where(v => v is not null)
                    .ToList();
                if (versions.Count == 0 && item.Name.LocalName == "PackageReference" && !central && item.Attribute("Update") is null)
                {
                    failures.Add(new Evidence($"`{package}` has no version: NuGet picks the lowest version it can find (NU1604)") { File = path, Line = line });
                }

                foreach (var version in versions)
                {
                    Judge(package, version!, properties, path, line, failures, warnings);
                }
            }
        }

        if (references > 0 && !central && !locked)
        {
            warnings.Add(new Evidence("no packages.lock.json and no central package management: transitive versions are re-resolved on every restore"));
        }

        var pinned = $"{references} package reference(s) pinned{(locked ? ", restores locked by packages.lock.json" : central ? ", versions managed centrally" : string.Empty)}.";
        return row.Conclude(
            failures,
            warnings,
            $"{failures.Count} NuGet version(s) float, span a range or are missing.",
            warnings.Count == 1 ? $"Pinned, but {warnings[0].Message}." : $"{warnings.Count} warnings; no floating or range version.",
            packagesConfigs > 0 && references == 0 ? "packages.config only: its versions are exact." : pinned);
    }

    private static void Judge(
        string package,
        string version,
        Dictionary<string, string> properties,
        string path,
        int? line,
        List<Evidence> failures,
        List<Evidence> warnings)
    {
        var resolved = PropertyReference().Replace(version, m => properties.GetValueOrDefault(m.Groups[1].Value, m.Value));
        if (resolved.Contains("$(", StringComparison.Ordinal))
        {
            warnings.Add(new Evidence($"`{package}` version `{version}` uses a property defined outside the repository's MSBuild files: not judged") { File = path, Line = line });
            return;
        }

        var shown = resolved == version ? $"`{version}`" : $"`{version}` (= `{resolved}`)";
        if (!VersionRange.TryParse(resolved, allowFloating: true, out var range))
        {
            warnings.Add(new Evidence($"`{package}` version {shown} is not a valid NuGet version") { File = path, Line = line });
            return;
        }

        if (range.IsFloating)
        {
            failures.Add(new Evidence($"`{package}` {shown} floats: restores pull the newest matching release") { File = path, Line = line });
        }
        else if (resolved.TrimStart().StartsWith('[') || resolved.TrimStart().StartsWith('('))
        {
            var exact = range.HasLowerAndUpperBounds && range.IsMinInclusive && range.IsMaxInclusive && range.MinVersion == range.MaxVersion;
            if (!exact)
            {
                failures.Add(new Evidence($"`{package}` {shown} is a range: any version in it may be restored") { File = path, Line = line });
            }
        }
    }

    private static bool IsProject(string path) =>
        path.EndsWith("proj", StringComparison.OrdinalIgnoreCase);

    /// <summary>Every property set in any of the files (last one wins): enough to resolve <c>$(XunitVersion)</c>.</summary>
    private static Dictionary<string, string> Properties(List<(string Path, XDocument Document)> documents)
    {
        var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (_, document) in documents.OrderBy(d => d.Path.Count(c => c == '/')))
        {
            foreach (var group in document.Descendants().Where(e => e.Name.LocalName == "PropertyGroup"))
            {
                foreach (var property in group.Elements())
                {
                    properties[property.Name.LocalName] = property.Value.Trim();
                }
            }
        }

        return properties;
    }

    [GeneratedRegex(@"\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)")]
    private static partial Regex PropertyReference();
}
