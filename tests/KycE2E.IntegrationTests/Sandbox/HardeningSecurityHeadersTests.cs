using System.Net;
using System.Net.Http.Headers;
using System.Text;
using KycE2E.Automation.TestData;

namespace KycE2E.IntegrationTests.Sandbox;

/// <summary>
/// Every answer (pages, the app, static files, both APIs, redirects, errors) carries the browser-side protections and no
/// Server header; answers with personal data are never stored by a browser or proxy (Cache-Control: no-store).
/// </summary>
public sealed class HardeningSecurityHeadersTests : SandboxTests
{
    private static readonly string[] AnonymousGets =
    [
        "/", "/login", "/logout", "/account", "/account/verification", "/account/verification/form",
        "/app", "/app/", "/app/index.html", "/app/app.js", "/app/app.css", "/app/icon.svg", "/app/manifest.webmanifest",
        "/css/site.css", "/js/verification-form.js", "/health", "/openapi/v1.json",
        "/api/v1/texts/en", "/api/v1/texts/xx", "/api/v1/me", "/api/v1/verification", "/api/v1/verification/attempts",
        "/test-api/clock", "/test-api/outbox", "/no-such-page", "/app/no-such-file.js",
    ];

    private static readonly string[] SignedInPages = ["/", "/account", "/account/verification", "/account/verification/form"];

    private static readonly string[] AppApiGets = ["/api/v1/me", "/api/v1/verification", "/api/v1/verification/attempts"];

    private readonly List<string> _checked = [];

    [Test]
    public async Task Every_page_route_and_file_answers_with_the_security_headers()
    {
        var (user, token) = await Sandbox.RejectedUserAsync();
        using var portal = new HardeningPortalVisitor(Sandbox.Http.BaseAddress!);
        await portal.LogInAsync(user);

        foreach (var path in AnonymousGets)
        {
            await CheckAsync(Sandbox.Http, HttpMethod.Get, path);
        }

        foreach (var path in SignedInPages)
        {
            await CheckAsync(portal.Http, HttpMethod.Get, path, expect: HttpStatusCode.OK, personal: true);
        }

        foreach (var path in AppApiGets)
        {
            await CheckAsync(Sandbox.Http, HttpMethod.Get, path, bearer: token, expect: HttpStatusCode.OK, personal: true);
        }

        await CheckAsync(Sandbox.Http, HttpMethod.Get, "/test-api/clock", testKey: true, expect: HttpStatusCode.OK);
        await CheckAsync(Sandbox.Http, HttpMethod.Get, $"/test-api/users/{user.UserId}/verification", testKey: true, expect: HttpStatusCode.OK, personal: true);
        await CheckAsync(Sandbox.Http, HttpMethod.Post, "/api/v1/auth/login", content: $$"""{"email":"{{user.Email}}","password":"{{user.Password}}"}""", expect: HttpStatusCode.OK, personal: true);
        await CheckAsync(Sandbox.Http, HttpMethod.Post, "/api/v1/auth/login", content: "{not json", expect: HttpStatusCode.BadRequest);
        await CheckAsync(Sandbox.Http, HttpMethod.Post, "/api/v1/auth/login", content: """{"email":"nobody@sandbox.test","password":"x"}""", expect: HttpStatusCode.Unauthorized);
        await CheckAsync(Sandbox.Http, HttpMethod.Post, "/test-api/users", content: """{"locale":5}""", testKey: true, expect: HttpStatusCode.BadRequest);
        await CheckAsync(Sandbox.Http, HttpMethod.Post, "/login", content: "Email=a", expect: HttpStatusCode.BadRequest);
        await CheckAsync(portal.Http, HttpMethod.Post, "/account/verification/attempts", content: "x=1", expect: HttpStatusCode.BadRequest);

        TestContext.Out.WriteLine($"{_checked.Count} answers checked:\n{string.Join('\n', _checked)}");
    }

    [Test]
    public async Task The_policy_allows_no_inline_script_no_framing_no_plugins_and_no_foreign_base()
    {
        using var response = await Sandbox.Http.GetAsync(new Uri("app/", UriKind.Relative));
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();

        policy.Should().Contain("script-src 'self';").And.Contain("frame-ancestors 'none'").And.Contain("object-src 'none'").And.Contain("base-uri 'self'");
        policy.Should().NotContain("unsafe-inline").And.NotContain("unsafe-eval").And.NotContain("*");
    }

    private async Task CheckAsync(HttpClient http, HttpMethod method, string path, string? bearer = null, bool testKey = false, string? content = null, HttpStatusCode? expect = null, bool personal = false)
    {
        using var request = new HttpRequestMessage(method, new Uri(path.TrimStart('/'), UriKind.Relative));
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        if (testKey)
        {
            request.Headers.Add(TestDataClient.KeyHeader, Sandbox.TestApiKey);
        }

        if (content is not null)
        {
            request.Content = new StringContent(content, Encoding.UTF8, content.StartsWith('{') ? "application/json" : "application/x-www-form-urlencoded");
        }

        using var response = await http.SendAsync(request);
        var headers = response.Headers.Concat(response.Content.Headers).ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
        var what = $"{method} {path} → {(int)response.StatusCode}";
        _checked.Add(what);

        if (expect is { } status)
        {
            response.StatusCode.Should().Be(status, what);
        }

        headers.Should().ContainKey("Content-Security-Policy", what);
        headers["Content-Security-Policy"].Should().Contain("script-src 'self'", what).And.Contain("frame-ancestors 'none'", what);
        headers.Should().Contain("X-Content-Type-Options", "nosniff", what);
        headers.Should().Contain("X-Frame-Options", "DENY", what);
        headers.Should().Contain("Referrer-Policy", "no-referrer", what);
        headers.Should().NotContainKey("Server", what);
        if (personal)
        {
            headers.Should().ContainKey("Cache-Control", what);
            headers["Cache-Control"].Should().Contain("no-store", what);
        }
    }
}
