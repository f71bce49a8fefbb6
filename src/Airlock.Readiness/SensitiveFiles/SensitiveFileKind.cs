namespace Airlock.Readiness.SensitiveFiles;

/// <summary>What a sensitive file holds; decides the row's severity.</summary>
internal enum SensitiveFileKind
{
    /// <summary><c>.env</c> and its variants: the app's real configuration, keys included.</summary>
    EnvironmentFile,

    /// <summary>An SSH or TLS private key, or a key file such as Rails' <c>master.key</c>.</summary>
    PrivateKey,

    /// <summary>A tool's credential store in clear text: <c>.git-credentials</c>, <c>.netrc</c>, <c>.pgpass</c>.</summary>
    CredentialStore,

    /// <summary>A file named for credentials or secrets (<c>credentials.json</c>, <c>secrets.yaml</c>).</summary>
    CredentialsFile,

    /// <summary>A password-protected key container (<c>.jks</c>, <c>.p12</c>, <c>.pfx</c>).</summary>
    Keystore,
}
