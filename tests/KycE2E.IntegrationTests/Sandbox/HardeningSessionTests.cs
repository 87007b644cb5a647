using System.Globalization;
using System.Net;
using KycE2E.Automation.Configuration;
using KycE2E.Automation.Identity;
using KycE2E.Automation.TestData;
using KycE2E.Automation.Web;
using Microsoft.Data.Sqlite;

namespace KycE2E.IntegrationTests.Sandbox;

/// <summary>
/// Sessions end: an expired, unknown or malformed bearer token is a 401, an expired portal cookie signs the user out,
/// and logging out ends the session on the server, so a copy of the cookie or token taken before is worthless.
/// </summary>
public sealed class HardeningSessionTests
{
    [Test]
    [NonParallelizable] // starts a sandbox with settings
    public async Task With_a_zero_lifetime_a_fresh_token_and_a_fresh_cookie_are_already_expired()
    {
        // Lifetimes of 0 minutes: every session is born expired, so nothing has to wait for real time to pass.
        await using var sandbox = await SandboxUnderTest.StartAsync(new Dictionary<string, string>
        {
            ["Sandbox__TokenLifetimeMinutes"] = "0",
            ["Sandbox__CookieLifetimeMinutes"] = "0",
        });
        var user = await sandbox.TestData.CreateUserAsync(new NewUser("en"));

        var token = await sandbox.App.LogInAsync(user);
        (await GetMeAsync(sandbox, token)).Should().Be(HttpStatusCode.Unauthorized, "the token expired as it was issued");

        using var portal = new HardeningPortalVisitor(sandbox.Http.BaseAddress!);
        await portal.LogInAsync(user);
        using var account = await portal.Http.GetAsync(new Uri("account", UriKind.Relative));
        account.StatusCode.Should().Be(HttpStatusCode.Redirect, "the cookie expired as it was issued");
        account.Headers.Location!.ToString().Should().Contain("/login");
    }

    [Test]
    public async Task By_default_tokens_last_12_hours_and_unknown_or_malformed_tokens_are_refused()
    {
        await using var sandbox = await SandboxUnderTest.StartAsync();
        var user = await sandbox.TestData.CreateUserAsync(new NewUser("en"));
        var token = await sandbox.App.LogInAsync(user);

        (await GetMeAsync(sandbox, token)).Should().Be(HttpStatusCode.OK);
        ExpiryOf(sandbox, token).Should().BeCloseTo(DateTimeOffset.UtcNow.AddHours(12), TimeSpan.FromMinutes(2));

        (await GetMeAsync(sandbox, "unknown-" + token)).Should().Be(HttpStatusCode.Unauthorized);
        (await GetMeAsync(sandbox, token[..^1])).Should().Be(HttpStatusCode.Unauthorized);
        (await GetMeAsync(sandbox, "' OR '1'='1")).Should().Be(HttpStatusCode.Unauthorized);
        (await GetMeAsync(sandbox, "")).Should().Be(HttpStatusCode.Unauthorized);
        (await GetMeAsync(sandbox, null)).Should().Be(HttpStatusCode.Unauthorized);

        await sandbox.TestData.AdvanceClockAsync(TimeSpan.FromDays(2));
        (await GetMeAsync(sandbox, token)).Should().Be(HttpStatusCode.OK, "sessions expire in real time, not on the sandbox clock");
    }

    [Test]
    public async Task After_logout_a_copy_of_the_portal_cookie_opens_nothing_and_records_no_attempt()
    {
        await using var sandbox = await SandboxUnderTest.StartAsync();
        var user = await sandbox.TestData.CreateUserAsync(new NewUser("en", Verification: new VerificationSeed("rejected", ["PHOTO_BLURRY"])));
        using var portal = new HardeningPortalVisitor(sandbox.Http.BaseAddress!);
        using var otherBrowser = new HardeningPortalVisitor(sandbox.Http.BaseAddress!);
        await portal.LogInAsync(user);
        await otherBrowser.LogInAsync(user);
        var (_, _, formToken) = await portal.OpenAsync("account/verification/form");
        var copied = portal.CookieHeader;
        copied.Should().Contain("sbx.auth=");

        var (_, _, logoutToken) = await portal.OpenAsync("account");
        using (var logout = await portal.PostFormAsync("logout", [new(HardeningPortalVisitor.AntiforgeryField, logoutToken!)]))
        {
            logout.StatusCode.Should().Be(HttpStatusCode.Redirect);
        }

        using var thief = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = sandbox.Http.BaseAddress };
        using var page = new HttpRequestMessage(HttpMethod.Get, new Uri("account/verification", UriKind.Relative));
        page.Headers.Add("Cookie", copied);
        using var opened = await thief.SendAsync(page);
        opened.StatusCode.Should().Be(HttpStatusCode.Redirect, "the copied cookie's session ended at logout");
        opened.Headers.Location!.ToString().Should().Contain("/login");

        var identity = TestIdentity.Adult(await sandbox.TodayAsync());
        using var form = AppApiClient.DetailsForm(identity.Details);
        form.Add(new ByteArrayContent(identity.Front().Bytes.ToArray()), "frontImage", "front.jpg");
        form.Add(new ByteArrayContent(identity.Back()!.Bytes.ToArray()), "backImage", "back.jpg");
        form.Add(new StringContent(formToken!), HardeningPortalVisitor.AntiforgeryField);
        using var submission = new HttpRequestMessage(HttpMethod.Post, new Uri("account/verification/attempts", UriKind.Relative)) { Content = form };
        submission.Headers.Add("Cookie", copied);
        using var submitted = await thief.SendAsync(submission);
        ((int)submitted.StatusCode).Should().BeOneOf([302, 401], "a submission with the copied cookie is refused");
        (await sandbox.TestData.GetVerificationAsync(user.UserId)).AttemptsUsed.Should().Be(1, "nothing was recorded with the copied cookie");

        (await otherBrowser.OpenAsync("account/verification")).Status.Should().Be(HttpStatusCode.OK, "logging out ends that session only, not the user's others");
    }

    [Test]
    public async Task After_the_app_api_logout_the_token_is_refused_and_the_users_other_token_still_works()
    {
        await using var sandbox = await SandboxUnderTest.StartAsync();
        var user = await sandbox.TestData.CreateUserAsync(new NewUser("en"));
        var token = await sandbox.App.LogInAsync(user);
        var otherPhone = await sandbox.App.LogInAsync(user);

        (await PostLogoutAsync(sandbox, token)).Should().Be(HttpStatusCode.NoContent);

        (await GetMeAsync(sandbox, token)).Should().Be(HttpStatusCode.Unauthorized, "the token ended at logout");
        (await PostLogoutAsync(sandbox, token)).Should().Be(HttpStatusCode.Unauthorized, "an ended token cannot log out again");
        (await GetMeAsync(sandbox, otherPhone)).Should().Be(HttpStatusCode.OK, "logging out ends that token only");
        (await PostLogoutAsync(sandbox, null)).Should().Be(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task The_apps_log_out_button_ends_its_token_on_the_server()
    {
        await using var sandbox = await SandboxUnderTest.StartAsync();
        var user = await sandbox.TestData.CreateUserAsync(new NewUser("en"));
        await using var browsers = new BrowserPool(new SuiteSettings().Web);
        var browser = await browsers.RentAsync();
        await using var context = await browser.NewContextAsync(new() { BaseURL = sandbox.Http.BaseAddress!.ToString() });
        var page = await context.NewPageAsync();

        await page.GotoAsync("app/?lang=en");
        await page.GetByTestId("app-login-email").FillAsync(user.Email);
        await page.GetByTestId("app-login-password").FillAsync(user.Password);
        await page.GetByTestId("app-login-submit").ClickAsync();
        await page.GetByTestId("app-home-welcome").WaitForAsync();
        var token = await page.EvaluateAsync<string>("localStorage.getItem('sbx.token')");
        (await GetMeAsync(sandbox, token)).Should().Be(HttpStatusCode.OK);

        await page.GetByTestId("tab-profile").ClickAsync();
        await page.GetByTestId("app-logout").ClickAsync();
        await page.GetByTestId("app-login").WaitForAsync();

        (await page.EvaluateAsync<string?>("localStorage.getItem('sbx.token')")).Should().BeNull("the phone forgets the token");
        (await GetMeAsync(sandbox, token)).Should().Be(HttpStatusCode.Unauthorized, "the app's sign-out ended the token on the server");
    }

    private static Task<HttpStatusCode> PostLogoutAsync(SandboxUnderTest sandbox, string? token) => CallAsync(sandbox, HttpMethod.Post, "api/v1/auth/logout", token);

    private static Task<HttpStatusCode> GetMeAsync(SandboxUnderTest sandbox, string? token) => CallAsync(sandbox, HttpMethod.Get, "api/v1/me", token);

    private static async Task<HttpStatusCode> CallAsync(SandboxUnderTest sandbox, HttpMethod method, string path, string? token)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        }

        using var response = await sandbox.Http.SendAsync(request);
        return response.StatusCode;
    }

    private static DateTimeOffset ExpiryOf(SandboxUnderTest sandbox, string token)
    {
        using var db = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(sandbox.Dir, "sandbox", "sandbox.db"),
            Mode = SqliteOpenMode.ReadOnly,
        }.ToString());
        db.Open();
        using var command = db.CreateCommand();
        command.CommandText = "SELECT expires_at FROM api_tokens WHERE token = $token";
        command.Parameters.AddWithValue("$token", token);
        return DateTimeOffset.Parse((string)command.ExecuteScalar()!, CultureInfo.InvariantCulture);
    }
}
