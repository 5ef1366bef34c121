using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Aggregator.Functions.Tests.Harness;

/// <summary>
/// The invocation context the worker hands to middleware, with what <see cref="UnhandledExceptionMiddleware"/> reads:
/// the function's name, the invocation id, the host's cancellation and, for an HTTP trigger, the HttpContext the
/// ASP.NET Core integration stores in <see cref="Items"/>. The rest is not needed by our middleware and says so.
/// </summary>
public sealed class TestFunctionContext : FunctionContext
{
    /// <summary>The Items key under which the ASP.NET Core integration (Worker.Extensions.Http.AspNetCore 2.x) keeps the HttpContext.</summary>
    private const string HttpContextKey = "HttpRequestContext";

    private TestFunctionContext(string functionName, IServiceProvider services, CancellationToken cancellationToken)
    {
        FunctionDefinition = new TestFunctionDefinition(functionName);
        InstanceServices = services;
        CancellationToken = cancellationToken;
    }

    public override string InvocationId { get; } = Guid.NewGuid().ToString();

    public override string FunctionId => FunctionDefinition.Id;

    public override FunctionDefinition FunctionDefinition { get; }

    public override IServiceProvider InstanceServices { get; set; }

    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

    public override CancellationToken CancellationToken { get; }

    public override TraceContext TraceContext => throw NotNeeded();

    public override BindingContext BindingContext => throw NotNeeded();

    public override RetryContext RetryContext => throw NotNeeded();

    public override IInvocationFeatures Features => throw NotNeeded();

    /// <summary>An HTTP-triggered invocation of <paramref name="functionName"/> for <paramref name="http"/>.</summary>
    public static TestFunctionContext ForHttp(string functionName, HttpContext http, CancellationToken cancellationToken = default)
    {
        var context = new TestFunctionContext(functionName, http.RequestServices, cancellationToken);
        context.Items[HttpContextKey] = http;
        return context;
    }

    /// <summary>An invocation by a trigger that is not HTTP (the timer): no HttpContext.</summary>
    public static TestFunctionContext ForTimer(string functionName, IServiceProvider services, CancellationToken cancellationToken = default) =>
        new(functionName, services, cancellationToken);

    private static NotSupportedException NotNeeded() => new("UnhandledExceptionMiddleware does not read this.");
}
