namespace ChatAgent.Options;

/// <summary>Options that can list every problem with themselves, so startup reports all of them at once.</summary>
internal interface IValidatableOptions
{
    /// <summary>The configuration section the options bind to; error messages name their keys under it.</summary>
    static abstract string SectionName { get; }

    IEnumerable<string> Validate();
}
