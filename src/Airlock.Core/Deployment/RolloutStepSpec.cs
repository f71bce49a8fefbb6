using System.Text.Json.Serialization;

namespace Airlock.Core.Deployment;

/// <summary>One canary step. Analysis runs during every step; a failed verdict rolls back from any of them.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(SetWeight), "setWeight")]
[JsonDerivedType(typeof(Pause), "pause")]
[JsonDerivedType(typeof(Approval), "approval")]
public abstract record RolloutStepSpec
{
    private RolloutStepSpec()
    {
    }

    /// <summary>Send this percentage (0-100) of traffic to the candidate.</summary>
    public sealed record SetWeight(int Percent) : RolloutStepSpec;

    /// <summary>Hold the current weight this long while analysis runs.</summary>
    public sealed record Pause(TimeSpan Duration) : RolloutStepSpec;

    /// <summary>Wait for <c>airlock approve</c>; never blocks a rollback.</summary>
    public sealed record Approval(string Name) : RolloutStepSpec;
}
