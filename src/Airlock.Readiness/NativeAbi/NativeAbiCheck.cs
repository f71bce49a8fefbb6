using System.Collections.Immutable;
using Airlock.Core.Config;
using Airlock.Core.Readiness;
using Airlock.Readiness.Rubric;

namespace Airlock.Readiness.NativeAbi;

/// <summary>
/// Check 10: ELF files that need a <c>GLIBC_x.y</c> symbol version newer than the target provides
/// fail to start there with "version `GLIBC_2.38' not found".
/// </summary>
internal sealed class NativeAbiCheck : IReadinessCheck
{
    public const string CheckId = "native-abi";

    /// <summary>Evidence rows beyond this many files are summarised by count.</summary>
    private const int MaxEvidence = 25;

    private const string Glibc = "GLIBC";

    public string Id => CheckId;

    public async Task<IReadOnlyList<RubricRow>> RunAsync(CheckContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var targetText = context.Config.Target.Glibc;
        var row = new RubricRowTemplate
        {
            CheckId = CheckId,
            Row = "glibc",
            FailureMode = "Binary built against a newer glibc than the target runtime",
            Test = $"every ELF file (by magic bytes) in the working tree{(context.ArtifactDirectory is null ? string.Empty : " and --artifact " + context.ArtifactDirectory)}: newest GLIBC_x.y in .gnu.version_r (as `objdump -T` shows) compared with target.glibc {targetText}",
            Severity = Severity.BlocksLaunch,
            Step = CountdownStep.Deploy,
            Fix = $"build the binary on (or for) the target's distribution, e.g. in a container of the runtime image with glibc {targetText} or older; or raise target.glibc in airlock.yaml if the target really has a newer glibc",
        };

        if (!SymbolVersion.TryParseNumber(targetText, out var target))
        {
            return [row.Skipped($"target.glibc '{targetText}' is not a version such as {TargetConfig.DefaultGlibc}")];
        }

        var artifact = context.ArtifactDirectory is null ? null : Path.GetFullPath(context.ArtifactDirectory);
        if (artifact is not null && !Directory.Exists(artifact))
        {
            return [row.Warn($"--artifact {context.ArtifactDirectory} is not a folder; nothing from the publish output was checked")];
        }

        var binaries = await NativeBinaryFinder.FindAsync(context, artifact, cancellationToken);
        var targetVersion = new SymbolVersion(Glibc, target);
        var tooNew = binaries.Where(b => b.Newest(Glibc) is { } v && v.CompareTo(targetVersion) > 0)
            .OrderByDescending(b => b.Newest(Glibc))
            .ThenBy(b => b.DisplayPath, StringComparer.Ordinal)
            .ToList();
        var unreadable = binaries.Where(b => b.Error is not null).ToList();
        var fine = binaries.Except(tooNew).Except(unreadable).ToList();
        var evidence = tooNew.Select(b => TooNewEvidence(b, target))
            .Concat(unreadable.Select(b => new Evidence($"not a readable ELF file: {b.Error}") { File = b.DisplayPath, RuleId = "elf-unreadable" }))
            .Concat(fine.Select(FineEvidence))
            .ToList();
        var shown = evidence.Take(MaxEvidence).ToImmutableArray();
        if (evidence.Count > MaxEvidence)
        {
            shown = shown.Add(new Evidence($"and {evidence.Count - MaxEvidence} more ELF files"));
        }

        var where = artifact is null ? "the working tree (pass --artifact DIR to check a publish folder)" : "the working tree and the artifact folder";
        if (tooNew.Count > 0)
        {
            var worst = tooNew[0];
            return [row.Fail($"{tooNew.Count} of {binaries.Count} ELF files need a glibc newer than the target's {target}: {worst.DisplayPath} needs {worst.Newest(Glibc)}", shown)];
        }

        if (binaries.Count == 0)
        {
            return [row.Pass($"no ELF files in {where}")];
        }

        return unreadable.Count > 0
            ? [row.Warn($"{unreadable.Count} of {binaries.Count} ELF files could not be read; the rest need glibc {target} or older", shown)]
            : [row.Pass($"{binaries.Count} ELF files in {where} need glibc {target} or older", shown)];
    }

    private static Evidence TooNewEvidence(NativeBinary binary, Version target)
    {
        var newest = binary.Newest(Glibc)!;
        return new Evidence($"needs {newest} from {binary.LibraryOf(newest) ?? "glibc"}; the target provides {target}: it fails to start with \"version `{newest}' not found\"{Details(binary)}")
        {
            File = binary.DisplayPath,
            RuleId = "glibc-newer-than-target",
        };
    }

    private static Evidence FineEvidence(NativeBinary binary)
    {
        var image = binary.Image!;
        var glibc = binary.Newest(Glibc);
        var needs = glibc is not null ? $"needs {glibc} at most"
            : image.IsMusl ? $"built for musl ({image.Interpreter}); no glibc symbol versions"
            : image.Interpreter is null && image.VersionNeeds.IsEmpty ? "no glibc symbol versions (static, or a library without versioned imports)"
            : "no glibc symbol versions";
        return new Evidence(needs + Details(binary)) { File = binary.DisplayPath };
    }

    /// <summary>C++ runtime needs and the architecture are not compared with the target, but say why a file may still not start.</summary>
    private static string Details(NativeBinary binary)
    {
        var parts = new List<string> { binary.Image!.MachineName };
        foreach (var family in new[] { "GLIBCXX", "CXXABI" })
        {
            if (binary.Newest(family) is { } v)
            {
                parts.Add(v.ToString());
            }
        }

        return "; " + string.Join(", ", parts);
    }
}
