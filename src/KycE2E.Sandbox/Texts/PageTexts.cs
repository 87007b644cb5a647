namespace KycE2E.Sandbox.Texts;

/// <summary>The texts of the current request's language, for the Razor pages: <c>@T["status.retry"]</c>.</summary>
public sealed class PageTexts(IHttpContextAccessor http, RequestLocale requestLocale, TextCatalog catalog)
{
    private string? _locale;

    public string Locale => _locale ??= requestLocale.For(http.HttpContext ?? throw new InvalidOperationException("no request"));

    public string this[string key] => catalog.Get(Locale, key);

    public string Format(string key, params object[] args) => catalog.Get(Locale, key, args);
}
