namespace Airlock.Readiness.Docker;

/// <summary>How firmly a <c>FROM</c> line fixes the image it builds on.</summary>
internal enum BaseImagePinKind
{
    /// <summary>A digest (<c>@sha256:...</c>, with or without a tag): the exact same bytes on every build.</summary>
    Digest,

    /// <summary>A tag other than <c>latest</c> without a digest: stable in intent, but the registry can move it.</summary>
    Tag,

    /// <summary>The <c>latest</c> tag: whatever was pushed last, including new major versions.</summary>
    Latest,

    /// <summary>No tag and no digest, which Docker reads as <c>latest</c>.</summary>
    Untagged,

    /// <summary>A build argument without a default decides the image (<c>FROM $BASE</c>); it is chosen at build time.</summary>
    Unresolved,
}
