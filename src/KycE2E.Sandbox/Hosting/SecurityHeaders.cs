namespace KycE2E.Sandbox.Hosting;

/// <summary>
/// The browser-side protections every response carries: pages, the app, the APIs, static files and error answers alike;
/// and Cache-Control: no-store on every routed answer (Kestrel's Server header is off, see Program.cs).
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// No inline script or style anywhere; images may be blob: URLs (the forms preview the chosen photo) or data: URLs.
    /// Styles set from script through the CSSOM (element.style) are not affected by style-src.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; font-src 'self'; connect-src 'self'; " +
        "manifest-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["Content-Security-Policy"] = ContentSecurityPolicy,
        ["X-Content-Type-Options"] = "nosniff",
        ["Referrer-Policy"] = "no-referrer",
        ["X-Frame-Options"] = "DENY",
        ["Cross-Origin-Opener-Policy"] = "same-origin",
    };

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        // Set when the answer starts, so the exception handler's clearing of headers cannot drop them.
        http.Response.OnStarting(() =>
        {
            foreach (var (name, value) in All)
            {
                http.Response.Headers[name] = value;
            }

            // Pages and API answers (everything routed, unlike static files) may carry personal data: never kept by a browser or proxy.
            if (http.GetEndpoint() is not null)
            {
                http.Response.Headers.CacheControl = "no-store";
            }

            return Task.CompletedTask;
        });
        return next(http);
    });
}
