using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using KycE2E.Automation.Identity;
using KycE2E.Automation.TestData;

namespace KycE2E.IntegrationTests.Sandbox;

/// <summary>
/// What an outsider's bad requests get: a 4xx that says why, one log line below error level (never a stack trace),
/// nothing recorded for a form field sent twice, and nothing at all for a Host name the sandbox does not serve.
/// </summary>
public sealed partial class HardeningClientErrorTests : SandboxTests
{
    [Test]
    public async Task Malformed_requests_are_answered_with_a_4xx_and_logged_in_one_line_each_below_error_level()
    {
        var (_, token) = await Sandbox.RejectedUserAsync();
        var logFrom = Sandbox.Log().Length;
        var requests = new (HttpMethod Method, string Path, string? Body, string? ContentType, bool Key, string? Bearer)[]
        {
            (HttpMethod.Post, "api/v1/auth/login", "{bad json", "application/json", false, null),
            (HttpMethod.Post, "api/v1/auth/login", """{"email":5}""", "application/json", false, null),
            (HttpMethod.Post, "api/v1/auth/login", "{}", "text/plain", false, null),
            (HttpMethod.Post, "test-api/users", """{"locale":5}""", "application/json", true, null),
            (HttpMethod.Post, "test-api/clock/advance", """{"minutes":"soon"}""", "application/json", true, null),
            (HttpMethod.Post, "test-api/faults", "[1,2", "application/json", true, null),
            (HttpMethod.Post, "login", "Email=a&Password=b", "application/x-www-form-urlencoded", false, null),
            (HttpMethod.Post, "logout", "", "application/x-www-form-urlencoded", false, null),
            (HttpMethod.Post, "api/v1/verification/attempts", "--x\r\nbroken", "multipart/form-data; boundary=x", false, token),
            (HttpMethod.Post, "api/v1/verification/attempts", "a=1", "multipart/form-data", false, token),
            (HttpMethod.Get, "api/v1/texts/xx", null, null, false, null),
        };

        foreach (var (method, path, body, contentType, key, bearer) in requests)
        {
            using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
            if (body is not null)
            {
                request.Content = new StringContent(body, Encoding.UTF8);
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType!);
            }

            if (key)
            {
                request.Headers.Add(TestDataClient.KeyHeader, Sandbox.TestApiKey);
            }

            if (bearer is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
            }

            using var response = await Sandbox.Http.SendAsync(request);
            ((int)response.StatusCode).Should().BeInRange(400, 499, $"{method} {path}: {await response.Content.ReadAsStringAsync()}");
        }

        var marker = Guid.NewGuid().ToString("N");
        using (await Sandbox.Http.GetAsync(new Uri($"health?{marker}", UriKind.Relative)))
        {
            (await Sandbox.LogShowsAsync(marker + " - 200", logFrom, TimeSpan.FromSeconds(30))).Should().BeTrue("the last request is logged");
        }

        var lines = Sandbox.Log()[logFrom..].Split('\n', StringSplitOptions.RemoveEmptyEntries);
        TestContext.Out.WriteLine($"{requests.Length} malformed requests, {lines.Length} log lines, of which warnings:\n{string.Join('\n', lines.Where(l => l.StartsWith("warn:", StringComparison.Ordinal)))}");
        lines.Should().NotContain(l => l.StartsWith("fail:", StringComparison.Ordinal) || l.StartsWith("crit:", StringComparison.Ordinal), "a client's mistake is not a server error");
        lines.Should().AllSatisfy(l => l.Should().MatchRegex(EntryStart(), "each log entry is one line, without a stack trace"));
    }

    [Test]
    public async Task A_form_field_sent_twice_is_refused_naming_it_and_records_nothing()
    {
        var (user, token) = await Sandbox.RejectedUserAsync();
        using var portal = new HardeningPortalVisitor(Sandbox.Http.BaseAddress!);
        await portal.LogInAsync(user);
        var antiforgery = (await portal.OpenAsync("account/verification/form")).Token!;

        // A second text value, or (null) a second file.
        foreach (var (field, second) in new (string, string?)[] { ("fullName", "Bob"), ("dateOfBirth", Adult.Details.DateOfBirthText), ("frontImage", null) })
        {
            using var app = FormWith(field, second);
            var appAnswer = await SubmitAsync(Sandbox.Http, "api/v1/verification/attempts", app, token);
            using var page = FormWith(field, second);
            page.Add(new StringContent(antiforgery), HardeningPortalVisitor.AntiforgeryField);
            var portalAnswer = await SubmitAsync(portal.Http, "account/verification/attempts", page, null);

            foreach (var (answer, client) in new[] { (appAnswer, "app"), (portalAnswer, "portal") })
            {
                answer.Status.Should().Be(HttpStatusCode.BadRequest, $"{client}, {field} twice: {answer}");
                answer.Json.GetProperty("errors").GetProperty(field).GetString().Should().Be("duplicate_field", $"{client}: {answer}");
            }
        }

        (await Sandbox.TestData.GetVerificationAsync(user.UserId)).AttemptsUsed.Should().Be(1, "nothing was recorded");
    }

    [TestCase("evil.example")]
    [TestCase("evil.example:80")]
    [TestCase("127.0.0.1.nip.io")]
    [TestCase("localhost.evil.example")]
    public async Task A_request_for_a_host_name_the_sandbox_does_not_serve_is_refused_even_with_the_test_data_key(string host)
    {
        var users = Sandbox.CountRows("users");

        foreach (var (method, path) in new[] { (HttpMethod.Get, "health"), (HttpMethod.Get, "login"), (HttpMethod.Get, "app/"), (HttpMethod.Post, "test-api/users") })
        {
            (await StatusForHostAsync(Sandbox, host, method, path)).Should().Be(HttpStatusCode.BadRequest, $"{method} /{path} for Host {host}");
        }

        Sandbox.CountRows("users").Should().Be(users, "the test-data API did nothing");
    }

    [Test]
    public async Task The_loopback_names_with_any_port_are_served()
    {
        var port = Sandbox.Http.BaseAddress!.Port;
        foreach (var host in new[] { $"127.0.0.1:{port}", $"localhost:{port}", $"LocalHost:{port}", $"[::1]:{port}", "localhost", "127.0.0.1:80" })
        {
            (await StatusForHostAsync(Sandbox, host)).Should().Be(HttpStatusCode.OK, $"Host {host}");
        }
    }

    [Test]
    [NonParallelizable] // starts a sandbox with settings
    public async Task Configured_host_names_replace_the_loopback_ones()
    {
        await using var exposed = await SandboxUnderTest.StartAsync(new Dictionary<string, string> { ["AllowedHosts"] = "sandbox.lan;127.0.0.1" });
        var port = exposed.Http.BaseAddress!.Port;

        (await StatusForHostAsync(exposed, $"sandbox.lan:{port}")).Should().Be(HttpStatusCode.OK);
        (await StatusForHostAsync(exposed, $"127.0.0.1:{port}")).Should().Be(HttpStatusCode.OK);
        (await StatusForHostAsync(exposed, $"localhost:{port}")).Should().Be(HttpStatusCode.BadRequest, "only the configured names are served");
    }

    /// <summary>The status of one request sent with the given Host header (and the test-data key, which must not help).</summary>
    private static async Task<HttpStatusCode> StatusForHostAsync(SandboxUnderTest sandbox, string host, HttpMethod? method = null, string path = "health")
    {
        method ??= HttpMethod.Get;
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = method == HttpMethod.Post ? new StringContent("{}", Encoding.UTF8, "application/json") : null };
        request.Headers.Host = host;
        request.Headers.Add(TestDataClient.KeyHeader, sandbox.TestApiKey);
        using var response = await sandbox.Http.SendAsync(request);
        return response.StatusCode;
    }

    private MultipartFormDataContent FormWith(string field, string? second)
    {
        var form = AppApiClient.DetailsForm(Adult.Details);
        form.Add(new ByteArrayContent(Adult.Front().Bytes.ToArray()), "frontImage", "front.jpg");
        form.Add(new ByteArrayContent(Adult.Back()!.Bytes.ToArray()), "backImage", "back.jpg");
        if (second is null)
        {
            form.Add(new ByteArrayContent(Adult.Front().Bytes.ToArray()), field, "again.jpg");
        }
        else
        {
            form.Add(new StringContent(second), field);
        }

        return form;
    }

    private static async Task<ApiAnswer> SubmitAsync(HttpClient http, string path, HttpContent form, string? bearer)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = form };
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        using var response = await http.SendAsync(request);
        return new ApiAnswer(response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("^(trce|dbug|info|warn): ")]
    private static partial Regex EntryStart();
}
