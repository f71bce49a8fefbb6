namespace Airlock.Core.Readiness;

/// <summary>The launch countdown step a failure mode would break: set secret → build → test → deploy → open URL.</summary>
public enum CountdownStep
{
    /// <summary>Provisioning secrets and configuration on the target.</summary>
    SetSecret,

    /// <summary>Building the artifact.</summary>
    Build,

    /// <summary>Running the tests.</summary>
    Test,

    /// <summary>Shipping the artifact to the target.</summary>
    Deploy,

    /// <summary>A stranger opening the URL.</summary>
    OpenUrl,
}
