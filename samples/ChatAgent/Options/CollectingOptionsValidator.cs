using Microsoft.Extensions.Options;

namespace ChatAgent.Options;

/// <summary>Reports every error an options class finds, not only the first.</summary>
internal sealed class CollectingOptionsValidator<TOptions> : IValidateOptions<TOptions>
    where TOptions : class, IValidatableOptions
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var errors = options.Validate().ToList();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
