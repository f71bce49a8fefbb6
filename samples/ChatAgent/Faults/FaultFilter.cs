using ChatAgent.Errors;
using Microsoft.Extensions.Options;

namespace ChatAgent.Faults;

/// <summary>Applies the error-rate and latency fault switches to agent turns.</summary>
internal sealed class FaultFilter(IOptions<FaultOptions> options, TimeProvider time) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var faults = options.Value;
        if (faults.AddedLatency > TimeSpan.Zero)
        {
            await Task.Delay(faults.AddedLatency, time, context.HttpContext.RequestAborted);
        }

        // Not a security decision, so a predictable generator is fine.
#pragma warning disable CA5394 // Random is insecure: used only to pick which requests fail on purpose.
        if (faults.ErrorRate > 0 && Random.Shared.NextDouble() < faults.ErrorRate)
#pragma warning restore CA5394
        {
            if (faults.NewErrorCode)
            {
                return Problems.Create(StatusCodes.Status500InternalServerError, ErrorCodes.InjectedNewError, "The agent failed to answer; please try again.");
            }

            throw new InjectedFaultException($"{FaultOptions.SectionName}:ErrorRate = {faults.ErrorRate} failed this turn on purpose.");
        }

        return await next(context);
    }
}
