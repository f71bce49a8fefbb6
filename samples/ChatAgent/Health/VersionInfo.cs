namespace ChatAgent.Health;

internal sealed record VersionInfo(string Revision, string Build, string Mode, string Runtime);
