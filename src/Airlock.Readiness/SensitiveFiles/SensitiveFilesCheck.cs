using System.Collections.Immutable;
using System.Text;
using Airlock.Core.Readiness;
using Airlock.Readiness.Git;
using Airlock.Readiness.Rubric;

namespace Airlock.Readiness.SensitiveFiles;

/// <summary>
/// Files that hold credentials by their nature (<c>.env</c>, private keys, credential stores, keystores), in the
/// working tree and anywhere in history. Content scanning for secrets is the secrets check's job; this one
/// judges names, and reads content only to tell a private key from a certificate.
/// </summary>
internal sealed class SensitiveFilesCheck : IReadinessCheck
{
    public const string CheckId = "sensitive-files";

    private const long MaxKeyBytes = 1024 * 1024;

    private const string Rules =
        ".env and variants (not .env.example/.sample/.template/.dist/.defaults), *.env, id_rsa/id_ed25519/…, *.ppk, "
        + "master.key, *.pem/*.key holding a PRIVATE KEY block, .git-credentials, .netrc, .pgpass, credentials[.*], "
        + "secrets.*, client_secret*.json, *.jks/*.keystore/*.p12/*.pfx/*.bks; encrypted (.enc, .sops) and template names excluded";

    public string Id => CheckId;

    public async Task<IReadOnlyList<RubricRow>> RunAsync(CheckContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var allowed = new AllowedPaths(context.Config.Secrets.AllowPaths);
        var tree = await WorkingTree.ListAsync(context.Git, context.RepositoryRoot, cancellationToken);
        return [TreeRow(tree, allowed), await HistoryRowAsync(context, tree, allowed, cancellationToken)];
    }

    private static RubricRow TreeRow(WorkingTree tree, AllowedPaths allowed)
    {
        var findings = new List<SensitiveFinding>();
        foreach (var path in tree.Files)
        {
            if (allowed.Allows(path) || SensitiveFileClassifier.Classify(path, out var needsContent) is not { } kind)
            {
                continue;
            }

            if (needsContent && !(tree.ReadText(path, MaxKeyBytes) is { } text && SensitiveFileClassifier.HoldsPrivateKey(text)))
            {
                continue;
            }

            findings.Add(new SensitiveFinding(path, kind));
        }

        var tracked = findings.Count(f => tree.Tracked.Contains(f.Path));
        var evidence = findings
            .Select(f => new Evidence(tree.Tracked.Contains(f.Path)
                ? $"{SensitiveFileClassifier.Describe(f.Kind)} tracked in git"
                : $"{SensitiveFileClassifier.Describe(f.Kind)} not ignored: one `git add -A` from a commit, and copied by uploads and `docker build .`")
            {
                File = f.Path,
                RuleId = RuleId(f.Kind),
            })
            .Concat(InvalidPatternEvidence(allowed))
            .ToImmutableArray();
        var (result, summary) = findings.Count switch
        {
            0 => (CheckResult.Pass, "No sensitive file in the working tree."),
            _ when tracked > 0 => (CheckResult.Fail, $"{findings.Count} sensitive file(s) in the working tree, {tracked} tracked: {List(findings)}."),
            _ => (CheckResult.Warn, $"{findings.Count} sensitive file(s) in the working tree, none tracked but none ignored: {List(findings)}."),
        };
        var row = new RubricRowTemplate
        {
            CheckId = CheckId,
            Row = "tree",
            FailureMode = "A credentials file (.env, private key, credential store) is committed or about to be, so it ships with the code",
            Test = $"Every file of `git ls-files --cached --others --exclude-standard` matched by name: {Rules}",
            Severity = WorstSeverity(findings),
            Step = CountdownStep.SetSecret,
            Fix = "Untrack it (`git rm --cached <file>`), add it to .gitignore (and .dockerignore), and set its values as "
                + "secrets on the platform; commit a .env.example with placeholder values instead.",
        };
        return row.With(result, summary, evidence);
    }

    private static async Task<RubricRow> HistoryRowAsync(
        CheckContext context,
        WorkingTree tree,
        AllowedPaths allowed,
        CancellationToken cancellationToken)
    {
        var row = new RubricRowTemplate
        {
            CheckId = CheckId,
            Row = "history",
            FailureMode = "A credentials file was committed once: deleting it later leaves it in every clone",
            Test = $"Every path added on any ref (`{HistoryFiles.LogCommand}`) matched by name: {Rules}",
            Severity = Severity.BlocksLaunch,
            Step = CountdownStep.SetSecret,
            Fix = "Rotate every credential the file held (removing it does not unleak it), then purge it from history "
                + "(`git filter-repo --invert-paths --path <file>`), force-push, and add it to .gitignore.",
        };
        if (!tree.IsGit)
        {
            return row.Skipped("Not a git repository: there is no history to scan.");
        }

        var history = await context.HistoryFilesAsync(CheckId, cancellationToken);
        if (history.CommitCount == 0)
        {
            return row.Skipped("The repository has no commits yet.");
        }

        var evidence = new List<Evidence>();
        var kinds = new List<SensitiveFinding>();
        foreach (var versions in history.Blobs.GroupBy(b => b.Path, StringComparer.Ordinal))
        {
            var path = versions.Key;
            if (allowed.Allows(path) || SensitiveFileClassifier.Classify(path, out var needsContent) is not { } kind)
            {
                continue;
            }

            var matching = needsContent ? await VersionsHoldingKeyAsync(context.Git, versions, cancellationToken) : [.. versions];
            if (matching.Count == 0)
            {
                continue;
            }

            var first = matching.MinBy(b => b.FirstCommitOrder)!;
            var state = tree.Tracked.Contains(path) ? "still tracked" : "no longer tracked, but every clone still has it";
            kinds.Add(new SensitiveFinding(path, kind));
            evidence.Add(new Evidence($"{SensitiveFileClassifier.Describe(kind)} first committed in {first.FirstCommit[..12]}; {state}")
            {
                File = path,
                Commit = first.FirstCommit,
                RuleId = RuleId(kind),
            });
        }

        evidence.AddRange(InvalidPatternEvidence(allowed));
        return kinds.Count == 0
            ? row.Pass($"No sensitive file in {history.CommitCount} commit(s) of history.", [.. evidence])
            : (row with { Severity = WorstSeverity(kinds) }).Fail($"{kinds.Count} sensitive file(s) in history: {List(kinds)}.", [.. evidence]);
    }

    private static async Task<List<HistoryBlob>> VersionsHoldingKeyAsync(
        GitRepository git,
        IEnumerable<HistoryBlob> versions,
        CancellationToken cancellationToken)
    {
        var candidates = versions.Where(v => v.Size is >= 0 and <= MaxKeyBytes).ToList();
        var blobs = await BlobBatch.ReadAsync(git, [.. candidates.Select(v => v.BlobId).Distinct(StringComparer.Ordinal)], cancellationToken);
        return [.. candidates.Where(v => blobs.TryGetValue(v.BlobId, out var content) && SensitiveFileClassifier.HoldsPrivateKey(Encoding.UTF8.GetString(content)))];
    }

    private static IEnumerable<Evidence> InvalidPatternEvidence(AllowedPaths allowed) =>
        allowed.Invalid.Select(p => new Evidence($"secrets.allowPaths pattern `{p}` is not a valid regular expression and was ignored"));

    private static Severity WorstSeverity(List<SensitiveFinding> findings) =>
        findings.Count == 0 ? Severity.BlocksLaunch : findings.Min(f => SensitiveFileClassifier.SeverityOf(f.Kind));

    private static string RuleId(SensitiveFileKind kind) => kind switch
    {
        SensitiveFileKind.EnvironmentFile => "environment-file",
        SensitiveFileKind.PrivateKey => "private-key",
        SensitiveFileKind.CredentialStore => "credential-store",
        SensitiveFileKind.CredentialsFile => "credentials-file",
        SensitiveFileKind.Keystore => "keystore",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown sensitive file kind."),
    };

    private static string List(List<SensitiveFinding> findings)
    {
        const int Shown = 5;
        var names = string.Join(", ", findings.Take(Shown).Select(f => f.Path));
        return findings.Count > Shown ? $"{names} and {findings.Count - Shown} more" : names;
    }
}
