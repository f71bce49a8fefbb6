namespace Airlock.Readiness.Secrets.History;

/// <summary>What one history scan covered.</summary>
/// <param name="Commits">Commits in the scan: those in git's output, raised by the check to every commit visited.</param>
/// <param name="Fragments">(commit, file) fragments handed to detection.</param>
/// <param name="AddedChars">Characters of added lines scanned.</param>
/// <param name="SplitFragments">Extra fragments made by cutting files whose added lines passed the cap.</param>
/// <param name="LongLines">Lines longer than the read buffer, read in pieces.</param>
internal sealed record HistoryScanStats(long Commits, long Fragments, long AddedChars, long SplitFragments, long LongLines);
