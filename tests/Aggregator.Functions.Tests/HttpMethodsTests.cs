using System.Reflection;
using Aggregator.Functions.Tests.BuildOutput;
using Aggregator.Functions.Tests.Harness;
using Aggregator.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Aggregator.Functions.Tests;

/// <summary>
/// The Functions host routes to an HTTP function only the methods its trigger declares, and the CLI maps the same
/// table (<see cref="Routes.All"/>); here each function's handler is called with each of those methods, so a method
/// declared for a route whose handler refuses it (405) fails.
/// </summary>
[Collection(FunctionsEnvironment.Collection)]
public sealed class HttpMethodsTests(FunctionsEnvironment environment)
{
    public static TheoryData<string, string> RoutesAndMethods
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var route in Routes.All)
            {
                foreach (var method in route.Methods)
                {
                    data.Add(route.Template, method);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(RoutesAndMethods))]
    public async Task EveryHttpFunction_AnswersTheMethodsItsRouteDeclares(string template, string method)
    {
        var app = await environment.IngestedAppAsync();
        var route = Routes.All.Single(r => r.Template == template);
        var function = FunctionFor(template);
        var http = app.Request(method, route.Path);

        var result = await (Task<IActionResult>)function.Invoke(app.Function(function.DeclaringType!), [http.Request])!;

        Assert.IsType<EmptyResult>(result);
        Assert.NotEqual(StatusCodes.Status405MethodNotAllowed, http.StatusCode);
    }

    /// <summary>The [Function] method whose generated metadata serves <paramref name="template"/>.</summary>
    private static MethodInfo FunctionFor(string template)
    {
        var metadata = Assert.Single(FunctionsBuildOutput.Functions(), f => f.Trigger.Type == "httpTrigger" && f.Trigger.Route == template);
        return FunctionClasses.Named(metadata.Name);
    }
}
