namespace Airlock.Readiness.FileSizes;

/// <summary>Which limit a file reaches, from <c>thresholds</c> in airlock.yaml.</summary>
internal enum SizeLevel
{
    /// <summary>Below every threshold.</summary>
    None,

    /// <summary>At or over the web-upload limit (GitHub: 25 MiB through the browser); a push still works.</summary>
    Note,

    /// <summary>At or over the size where hosts warn on push (GitHub: 50 MiB).</summary>
    Warn,

    /// <summary>At or over the hard push limit (GitHub: 100 MiB): the push is rejected.</summary>
    Fail,
}
