namespace ChatAgent.Errors;

internal static class ErrorHandlingExtensions
{
    /// <summary>
    /// Every error, including the framework's own (404, 405, unhandled exceptions), becomes a problem body with a code.
    /// Exception details are dropped in every environment: a stack trace tells a stranger how the service is built.
    /// </summary>
    public static IServiceCollection AddAgentProblemDetails(this IServiceCollection services) =>
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            var status = problem.Status ?? context.HttpContext.Response.StatusCode;
            if (!problem.Extensions.ContainsKey(Problems.CodeKey))
            {
                problem.Extensions[Problems.CodeKey] = Problems.CodeForStatus(status);
            }

            if (context.Exception is not null)
            {
                problem.Title = "The agent failed to answer; please try again.";
                problem.Detail = null;
                problem.Extensions.Remove("exception");
            }

            problem.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
        });
}
