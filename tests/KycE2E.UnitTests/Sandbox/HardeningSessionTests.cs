using System.Globalization;
using System.Net;
using KycE2E.Automation.TestData;
using Microsoft.Data.Sqlite;

namespace KycE2E.UnitTests.Sandbox;

/// <summary>Sessions end: an expired, unknown or malformed bearer token is a 401, and an expired portal cookie signs the user out.</summary>
[NonParallelizable]
public sealed class HardeningSessionTests
{
    [Test]
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

    private static async Task<HttpStatusCode> GetMeAsync(SandboxUnderTest sandbox, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("api/v1/me", UriKind.Relative));
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
