using System.Net;
using System.Net.Http.Json;
using KycE2E.Automation.Configuration;
using KycE2E.Automation.Environment;
using KycE2E.Automation.Processes;
using KycE2E.Automation.TestData;

namespace KycE2E.IntegrationTests.Sandbox;

/// <summary>The test-data API's contract, against the real sandbox process on loopback.</summary>
public sealed class TestDataApiTests
{
    private ChildProcess? _sandbox;
    private HttpClient _http = null!;
    private string _key = "";
    private string _dataDir = "";

    [OneTimeSetUp]
    public async Task StartSandbox()
    {
        _dataDir = Directory.CreateTempSubdirectory("kyce2e-sandbox-").FullName;
        Uri baseUrl;
        (_sandbox, baseUrl, _key) = await SandboxProcess.StartAsync(new SuiteSettings(), _dataDir);
        _http = new HttpClient { BaseAddress = baseUrl };
    }

    [OneTimeTearDown]
    public async Task StopSandbox()
    {
        _http.Dispose();
        if (_sandbox is not null)
        {
            await _sandbox.DisposeAsync();
        }

        Directory.Delete(_dataDir, recursive: true);
    }

    private static HttpRequestMessage CreateUser(string? key, string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "test-api/users") { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        if (key is not null)
        {
            request.Headers.Add(TestDataClient.KeyHeader, key);
        }

        return request;
    }

    [Test]
    public async Task Health_answers_when_ready()
    {
        using var response = await _http.GetAsync(new Uri("health", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [TestCase(null)]
    [TestCase("wrong-key")]
    public async Task Without_the_right_key_nothing_is_created(string? key)
    {
        using var response = await _http.SendAsync(CreateUser(key, "{}"));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).Should().Contain("X-Test-Api-Key");
    }

    [Test]
    public async Task A_seeded_rejected_user_can_log_in_and_sees_her_case()
    {
        var client = new TestDataClient(_http, _key);
        var user = await client.CreateUserAsync(new NewUser("en", "CN", new VerificationSeed("rejected", ["PHOTO_GLARE", "PHOTO_BLURRY"])));

        using var login = await _http.PostAsJsonAsync(new Uri("api/v1/auth/login", UriKind.Relative), new { email = user.Email, password = user.Password });
        login.StatusCode.Should().Be(HttpStatusCode.OK);
        var record = await client.GetVerificationAsync(user.UserId);

        record.Status.Should().Be("rejected");
        record.Reasons.Should().Equal("PHOTO_BLURRY", "PHOTO_GLARE");
        record.RejectType.Should().Be("RETRY");
        record.AttemptsUsed.Should().Be(1);
        record.CanRetry.Should().BeTrue();
        user.ToString().Should().NotContain(user.Password);
    }

    [TestCase(new[] { "ATTEMPTS_EXCEEDED" }, null, "RETRY")]
    [TestCase(new[] { "PHOTO_BLURRY", "ATTEMPTS_EXCEEDED" }, null, "RETRY")]
    [TestCase(new[] { "UNDERAGE", "ATTEMPTS_EXCEEDED" }, null, "FINAL")]
    [TestCase(new[] { "ATTEMPTS_EXCEEDED" }, "FINAL", "FINAL")]
    public async Task A_seeded_ATTEMPTS_EXCEEDED_is_the_lock_the_product_sets_and_lifts_after_24_hours(string[] reasons, string? rejectType, string expectedType)
    {
        var client = new TestDataClient(_http, _key);
        var user = await client.CreateUserAsync(new NewUser("en", "CN", new VerificationSeed("rejected", reasons, rejectType)));

        var locked = await client.GetVerificationAsync(user.UserId);
        var now = System.Text.Json.JsonDocument.Parse(await client.GetVerificationJsonAsync(user.UserId)).RootElement.GetProperty("now").GetDateTimeOffset();

        locked.Status.Should().Be("rejected");
        locked.Reasons.Should().Equal(reasons);
        locked.RejectType.Should().Be(expectedType, "the type comes from the other reasons or the seed; ATTEMPTS_EXCEEDED is a lock, not a type");
        locked.AttemptsUsed.Should().Be(5, "the lock comes with the sixth submission in 24 hours");
        locked.AttemptsLeft.Should().Be(0);
        locked.LockedUntil.Should().NotBeNull();
        locked.LockedUntil!.Value.Should().BeCloseTo(now + TimeSpan.FromHours(24), TimeSpan.FromMinutes(1));
        locked.CanRetry.Should().BeFalse();

        await client.AdvanceClockAsync(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1), user.UserId);

        var lifted = await client.GetVerificationAsync(user.UserId);
        lifted.LockedUntil.Should().BeNull();
        lifted.Reasons.Should().Equal(reasons.Where(r => r != "ATTEMPTS_EXCEEDED"));
        lifted.AttemptsLeft.Should().Be(5, "the seeded attempts have left the 24-hour window");
        lifted.CanRetry.Should().Be(expectedType == "RETRY");
    }

    [TestCase("""{"verification":{"status":"weird"}}""", "*verification.status 'weird'*")]
    [TestCase("""{"verification":{"status":"rejected","reasons":["NOPE"]}}""", "*unknown code 'NOPE'*")]
    [TestCase("""{"verification":{"status":"approved","reasons":["PHOTO_BLURRY"]}}""", "*only go with status 'rejected'*")]
    [TestCase("""{"locale":"fr"}""", "*unknown locale 'fr'*")]
    [TestCase("""{"region":"China"}""", "*two-letter*")]
    [TestCase("""{"verification":{"status":"rejected","attemptsUsed":9}}""", "*attemptsUsed*")]
    public async Task Bad_seeds_get_a_400_that_says_why(string json, string message)
    {
        using var response = await _http.SendAsync(CreateUser(_key, json));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Match(message);
    }
}
