using System.Text.Json;

namespace KycE2E.Sandbox.Hosting;

/// <summary>
/// A request the sandbox cannot read (malformed JSON, a value of the wrong type, a body over its limit) is the client's
/// mistake: answered with its 4xx and what was wrong, naming the field when there is one, and logged as one warning
/// line. It never reaches the exception handler, which logs server faults at error level with their stack trace.
/// </summary>
public static class ClientErrors
{
    public static IApplicationBuilder UseClientErrors(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        try
        {
            await next(http);
        }
        catch (BadHttpRequestException bad) when (!http.Response.HasStarted)
        {
            var detail = Describe(bad);
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ClientErrors))
                .LogWarning("Client error {Status} for {Method} {Path}: {Detail}", bad.StatusCode, http.Request.Method, http.Request.Path, detail);
            http.Response.Clear();
            await Results.Problem(statusCode: bad.StatusCode, title: "the request could not be read", detail: detail).ExecuteAsync(http);
        }
    });

    /// <summary>What was wrong, in one line: "minutes: …" for a field, the server's reason otherwise.</summary>
    public static string Describe(BadHttpRequestException bad)
    {
        if (bad.InnerException is not JsonException json)
        {
            return OneLine(bad.Message);
        }

        // A value of the wrong type (a string for a number, NaN or a fraction for a whole number, a number out of range) has no inner reason.
        var reason = json.InnerException is null
            ? "not a value of the expected type (a finite JSON number in range, a whole number where one is expected, text, true/false or an object)"
            : OneLine(json.InnerException.Message.Split(" LineNumber:")[0]);
        return json.Path is { Length: > 2 } path ? $"{path[2..]}: {reason}" : $"the JSON body: {reason}";
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
