using KycE2E.Sandbox.Options;
using Microsoft.Extensions.Options;

namespace KycE2E.Sandbox.Texts;

/// <summary>Picks the language of a request: ?lang=, then the lang cookie, then the user's own locale, then Accept-Language.</summary>
public sealed class RequestLocale(IOptions<SandboxOptions> options)
{
    public const string CookieName = "lang";
    public const string LocaleClaim = "locale";

    public string For(HttpContext http)
    {
        var fromQuery = TextCatalog.Normalize(http.Request.Query["lang"]);
        if (fromQuery.Length > 0)
        {
            http.Response.Cookies.Append(CookieName, fromQuery, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
            return fromQuery;
        }

        foreach (var candidate in new[]
                 {
                     http.Request.Cookies[CookieName],
                     http.User.FindFirst(LocaleClaim)?.Value,
                     http.Request.Headers.AcceptLanguage.ToString().Split(',').FirstOrDefault(),
                 })
        {
            var locale = TextCatalog.Normalize(candidate);
            if (locale.Length > 0)
            {
                return locale;
            }
        }

        return TextCatalog.Normalize(options.Value.DefaultLocale) is { Length: > 0 } d ? d : "zh-CN";
    }
}
