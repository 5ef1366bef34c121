using Aggregator.Publishing;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;

namespace Aggregator.Functions;

/// <summary>
/// The one place that handles what a function did not expect: it logs the failure with the invocation it belongs to,
/// answers an HTTP caller with a short JSON 500 (never a stack trace) — or, when storage is not answering, 503 with
/// Retry-After and a line saying where storage was expected — and lets a timer failure propagate so the host records it
/// and the function's retry policy applies.
/// </summary>
internal sealed class UnhandledExceptionMiddleware(ILogger<UnhandledExceptionMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (Exception exception) when (!IsCancellation(exception, context))
        {
            // Set by the ASP.NET Core integration for HTTP triggers only.
            var httpContext = context.GetHttpContext();
            if (httpContext is not null && StorageOutage.IsOutage(exception) && !httpContext.Response.HasStarted)
            {
                // Not a bug to page anyone about: the caller is told to come back, the log says where storage was expected.
                logger.LogWarning(
                    exception,
                    "Function {Function} found storage unavailable in invocation {InvocationId}; answered 503",
                    context.FunctionDefinition.Name,
                    context.InvocationId);
                httpContext.Response.Clear();
                await StorageUnavailableResponse.WriteAsync(httpContext);
                return;
            }

            logger.LogError(
                exception,
                "Function {Function} failed in invocation {InvocationId}",
                context.FunctionDefinition.Name,
                context.InvocationId);

            if (httpContext is null)
            {
                throw;
            }

            await AnswerServerErrorAsync(httpContext, context.InvocationId);
        }
    }

    /// <summary>The host is shutting down or the caller went away: nothing failed, and nobody is left to answer.</summary>
    private static bool IsCancellation(Exception exception, FunctionContext context) =>
        exception is OperationCanceledException
        && (context.CancellationToken.IsCancellationRequested
            || context.GetHttpContext()?.RequestAborted.IsCancellationRequested == true);

    private static async Task AnswerServerErrorAsync(HttpContext httpContext, string invocationId)
    {
        if (httpContext.Response.HasStarted)
        {
            // Part of the body is already on the wire: a status can no longer be sent, so cut the response short
            // rather than let the client take a truncated document for a whole one.
            httpContext.Abort();
            return;
        }

        httpContext.Response.Clear();
        httpContext.Response.StatusCode = StatusCodes.Status500InternalServerError;
        await httpContext.Response.WriteAsJsonAsync(
            new ServerErrorBody("The request failed on the server.", invocationId),
            httpContext.RequestAborted);
    }

    /// <summary>What an HTTP caller learns: enough to quote to an operator, who finds the rest in the logs.</summary>
    private sealed record ServerErrorBody(string Error, string InvocationId);
}
