namespace Airlock.Readiness.EnvironmentVariables;

internal enum SourceLanguage
{
    CSharp,
    Python,
    JavaScript,
}
