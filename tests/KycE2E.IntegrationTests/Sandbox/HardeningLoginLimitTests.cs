using System.Net;
using KycE2E.Automation.TestData;

namespace KycE2E.IntegrationTests.Sandbox;

/// <summary>
/// Failed logins are limited per e-mail (10 in 5 minutes, then 429 until the window slides) and per address (100);
/// only failures count, so many users logging in correctly from one address in parallel are never limited.
/// </summary>
public sealed class HardeningLoginLimitTests : SandboxTests
{
    private const int Limit = 10;

    [Test]
    public async Task The_app_login_refuses_an_account_after_10_failures_and_another_account_is_unaffected()
    {
        var victim = await Sandbox.TestData.CreateUserAsync(new NewUser("en"));
        var other = await Sandbox.TestData.CreateUserAsync(new NewUser("en"));

        for (var i = 0; i < Limit; i++)
        {
            using var wrong = await Sandbox.LogInAsync(victim.Email, "wrong-" + i);
            wrong.StatusCode.Should().Be(HttpStatusCode.Unauthorized, $"failure {i + 1} of {Limit} is still an ordinary wrong password");
        }

        using var limited = await Sandbox.LogInAsync(victim.Email.ToUpperInvariant(), victim.Password);
        var body = await limited.Content.ReadAsStringAsync();

        limited.StatusCode.Should().Be(HttpStatusCode.TooManyRequests, "even the right password is refused while the account is limited: " + body);
        body.Should().Contain("too many failed logins").And.Contain("login_rate_limited");
        limited.Headers.RetryAfter!.Delta.Should().BeCloseTo(TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(30));

        using var otherLogin = await Sandbox.LogInAsync(other.Email, other.Password);
        otherLogin.StatusCode.Should().Be(HttpStatusCode.OK, "another user on the same address is not limited");
        using var otherWrong = await Sandbox.LogInAsync(other.Email, "wrong");
        otherWrong.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "another user's failures are counted on their own");
    }

    [Test]
    public async Task The_web_login_shows_the_limit_on_the_login_page_and_another_account_still_logs_in()
    {
        var victim = await Sandbox.TestData.CreateUserAsync(new NewUser("en"));
        var other = await Sandbox.TestData.CreateUserAsync(new NewUser("en"));
        using var portal = new HardeningPortalVisitor(Sandbox.Http.BaseAddress!);

        for (var i = 0; i < Limit; i++)
        {
            using var wrong = await portal.LogInAsync(victim.Email, "wrong-" + i);
            wrong.StatusCode.Should().Be(HttpStatusCode.OK);
            (await wrong.Content.ReadAsStringAsync()).Should().Contain("data-testid=\"login-error\"").And.NotContain("login_rate_limited");
        }

        using var limited = await portal.LogInAsync(victim.Email, victim.Password);
        var page = await limited.Content.ReadAsStringAsync();

        limited.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        page.Should().Contain("data-code=\"login_rate_limited\"").And.Contain("Too many failed logins for this account. Try again in 5 minutes.");
        portal.HasAuthCookie.Should().BeFalse();
        using var appToo = await Sandbox.LogInAsync(victim.Email, victim.Password);
        appToo.StatusCode.Should().Be(HttpStatusCode.TooManyRequests, "the portal and the app count the same account's failures");

        using var otherPortal = new HardeningPortalVisitor(Sandbox.Http.BaseAddress!);
        await otherPortal.LogInAsync(other);
    }

    [Test]
    public async Task Successful_logins_are_never_limited_even_many_in_parallel_from_one_address()
    {
        // More than 2 parallel workers × ~70 scenarios of the suite, all from 127.0.0.1.
        var users = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Sandbox.TestData.CreateUserAsync(new NewUser("en"))));
        var logins = Enumerable.Range(0, 300).Select(i => users[i % users.Length]).ToList();

        var statuses = new List<HttpStatusCode>();
        await Parallel.ForEachAsync(logins, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (user, cancel) =>
        {
            using var response = await Sandbox.LogInAsync(user.Email, user.Password, cancel);
            lock (statuses)
            {
                statuses.Add(response.StatusCode);
            }
        });

        statuses.Should().HaveCount(300).And.AllSatisfy(s => s.Should().Be(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_correct_password_clears_the_failures_so_occasional_typos_never_add_up()
    {
        var user = await Sandbox.TestData.CreateUserAsync(new NewUser("en"));

        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < Limit - 1; i++)
            {
                using var wrong = await Sandbox.LogInAsync(user.Email, "typo");
                wrong.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
            }

            using var right = await Sandbox.LogInAsync(user.Email, user.Password);
            right.StatusCode.Should().Be(HttpStatusCode.OK, $"round {round + 1}: 9 typos then the right password");
        }
    }

    [Test]
    public async Task An_over_long_email_is_refused_with_a_400_naming_it_and_never_counted()
    {
        var user = await Sandbox.TestData.CreateUserAsync(new NewUser("en"));
        const int MoreThanTheAddressLimit = 110;

        for (var i = 0; i < MoreThanTheAddressLimit; i++)
        {
            using var refused = await Sandbox.LogInAsync($"{i}-{new string('x', 300)}@example.test", "wrong");
            refused.StatusCode.Should().Be(HttpStatusCode.BadRequest, $"login {i + 1}: an address over 254 characters is not an e-mail address");
            (await refused.Content.ReadAsStringAsync()).Should().Contain("email");
        }

        using (var huge = await Sandbox.LogInAsync(new string('a', 2_000_000) + "@example.test", "wrong"))
        {
            ((int)huge.StatusCode).Should().BeOneOf([400, 413], "two million characters are refused");
        }

        using var portal = new HardeningPortalVisitor(Sandbox.Http.BaseAddress!);
        using (var page = await portal.LogInAsync(new string('w', 300) + "@example.test", "wrong"))
        {
            page.StatusCode.Should().Be(HttpStatusCode.BadRequest);
            (await page.Content.ReadAsStringAsync()).Should().Contain("data-testid=\"login-error\"").And.NotContain(new string('w', 300), "the address is not echoed back");
        }

        using var right = await Sandbox.LogInAsync(user.Email, user.Password);
        right.StatusCode.Should().Be(HttpStatusCode.OK, "none of the refused logins counted against 127.0.0.1");
    }
}
