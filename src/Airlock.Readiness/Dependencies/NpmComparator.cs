namespace Airlock.Readiness.Dependencies;

/// <summary>One primitive comparison of an npm range: <c>&gt;=1.2.3</c>.</summary>
internal sealed record NpmComparator(string Operator, NpmVersion Version)
{
    public bool IsUpperBound => Operator is "<" or "<=" or "=";

    public bool Matches(NpmVersion version)
    {
        var compared = version.CompareTo(Version);
        return Operator switch
        {
            "<" => compared < 0,
            "<=" => compared <= 0,
            ">" => compared > 0,
            ">=" => compared >= 0,
            "=" => compared == 0,
            _ => false,
        };
    }
}
