using System.Net;
using System.Text.RegularExpressions;
using KycE2E.Automation.TestData;

namespace KycE2E.IntegrationTests.Sandbox;

/// <summary>A browser's view of the web portal without a browser: its own cookies, no automatic redirects, the antiforgery token read off the page.</summary>
public sealed partial class HardeningPortalVisitor : IDisposable
{
    public const string AntiforgeryField = "__RequestVerificationToken";

    private readonly HttpClientHandler _handler;

    public HardeningPortalVisitor(Uri baseAddress)
    {
        _handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, UseCookies = true };
        Http = new HttpClient(_handler) { BaseAddress = baseAddress };
        Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en"); // English texts, so tests can read them
    }

    public HttpClient Http { get; }

    /// <summary>The cookies this visitor would send, as a Cookie header: what someone who copied them could replay.</summary>
    public string CookieHeader => _handler.CookieContainer.GetCookieHeader(Http.BaseAddress!);

    public bool HasAuthCookie => _handler.CookieContainer.GetCookies(Http.BaseAddress!).Any(c => c.Name == "sbx.auth");

    /// <summary>Opens a page and returns its HTML and the form's antiforgery token (null when the page has none).</summary>
    public async Task<(HttpStatusCode Status, string Html, string? Token)> OpenAsync(string path)
    {
        using var response = await Http.GetAsync(new Uri(path, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        var token = TokenField().Match(html) is { Success: true } m ? m.Groups["value"].Value : null;
        return (response.StatusCode, html, token);
    }

    public async Task<HttpResponseMessage> PostFormAsync(string path, IEnumerable<KeyValuePair<string, string>> fields) =>
        await Http.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(fields));

    /// <summary>Logs in through the login form, as a person would; the answer (302 when it worked) is returned.</summary>
    public async Task<HttpResponseMessage> LogInAsync(string email, string password)
    {
        var (_, _, token) = await OpenAsync("login");
        return await PostFormAsync("login", [new("Email", email), new("Password", password), new(AntiforgeryField, token!)]);
    }

    public async Task LogInAsync(TestUser user)
    {
        using var response = await LogInAsync(user.Email, user.Password);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, "the portal login of {0} should work", user.Email);
    }

    public void Dispose()
    {
        Http.Dispose();
        _handler.Dispose();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"(?<value>[^\"]+)\"")]
    private static partial Regex TokenField();
}
