using System.Text;
using Microsoft.AspNetCore.Http;

namespace Aggregator.Publishing;

/// <summary>Short text/plain responses for errors: a person pasting the URL into a browser or reader can read them.</summary>
internal static class PlainText
{
    public static Task WriteAsync(HttpContext context, int statusCode, string message)
    {
        var bytes = Encoding.UTF8.GetBytes(message + "\n");
        var response = context.Response;
        response.StatusCode = statusCode;
        response.ContentType = "text/plain; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        response.ContentLength = bytes.Length;
        return HttpMethods.IsHead(context.Request.Method)
            ? Task.CompletedTask
            : response.Body.WriteAsync(bytes, context.RequestAborted).AsTask();
    }
}
