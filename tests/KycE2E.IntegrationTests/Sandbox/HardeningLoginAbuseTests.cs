using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using KycE2E.Automation.TestData;

namespace KycE2E.IntegrationTests.Sandbox;

/// <summary>
/// Failed logins cost the same work for known and unknown addresses, and thousands of them with long, distinct addresses
/// (2000 here, KYCE2E_LOGIN_ABUSE_LOGINS for the full run of `./e2e bench`) leave the sandbox healthy and within its memory.
/// The limits are raised out of reach, so that every failure is counted and the limiter's store fills up.
/// </summary>
[NonParallelizable] // its sandbox starts with settings, and it compares timings that other classes' work would disturb
public sealed class HardeningLoginAbuseTests : SandboxTests
{
    private const long PeakMemoryBudgetMb = 400;
    private const int Workers = 4;
    private static readonly int Logins = CountFromEnvironment("KYCE2E_LOGIN_ABUSE_LOGINS", 2000);

    /// <summary>Half the failures, at most the product's default, so that the store is full twice over.</summary>
    private static readonly int TrackedKeys = Math.Min(10_000, Logins / 2);

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Sandbox__LoginFailureLimit"] = "1000000",
        ["Sandbox__LoginFailureLimitPerAddress"] = "1000000",
        ["Sandbox__LoginTrackedKeysLimit"] = TrackedKeys.ToString(CultureInfo.InvariantCulture),
    };

    [Test]
    public async Task A_failed_login_takes_as_long_for_an_unknown_address_as_for_a_known_one()
    {
        const int Pairs = 60;
        var user = await Sandbox.TestData.CreateUserAsync(new NewUser("en"));
        var known = new List<double>();
        var unknown = new List<double>();

        // Interleaved, so that whatever else the machine does weighs on both alike; the first pairs warm up.
        for (var i = -5; i < Pairs; i++)
        {
            var knownTime = await TimedFailureAsync(user.Email);
            var unknownTime = await TimedFailureAsync($"nobody-{i + 5}@sandbox.test");
            if (i >= 0)
            {
                known.Add(knownTime);
                unknown.Add(unknownTime);
            }
        }

        var ratio = Median(unknown) / Median(known);
        TestContext.Out.WriteLine($"median failed login: known address {Median(known):0.00} ms, unknown {Median(unknown):0.00} ms (ratio {ratio:0.00}, {Pairs} pairs)");
        ratio.Should().BeInRange(0.75, 1.5, "a failed login does the same work whether the address exists or not");
    }

    [Test]
    public async Task Thousands_of_failed_logins_with_long_distinct_addresses_leave_the_sandbox_healthy_within_its_memory()
    {
        var user = await Sandbox.TestData.CreateUserAsync(new NewUser("en"));
        var logFrom = Sandbox.Log().Length;
        var answers = new ConcurrentDictionary<HttpStatusCode, int>();
        var clock = Stopwatch.StartNew();

        await Parallel.ForEachAsync(Enumerable.Range(0, Logins), new ParallelOptions { MaxDegreeOfParallelism = Workers }, async (i, cancel) =>
        {
            // Mostly addresses of the longest allowed length (254), all different; every 100th of two million characters.
            var name = i.ToString("D8", CultureInfo.InvariantCulture);
            var email = i % 100 == 99 ? name + new string('l', 2_000_000) + "@example.test" : name + new string('x', 254 - 8 - 13) + "@example.test";
            using var response = await Sandbox.LogInAsync(email, "wrong-password", cancel);
            answers.AddOrUpdate(response.StatusCode, 1, (_, n) => n + 1);
        });
        clock.Stop();

        var peakMb = Sandbox.PeakResidentMegabytes();
        var tally = string.Join(", ", answers.OrderBy(a => a.Key).Select(a => $"{a.Value} × {(int)a.Key}"));
        TestContext.Out.WriteLine($"{Logins} failed logins in {clock.Elapsed.TotalSeconds:0.0} s with {Workers} workers ({tally}); store of {TrackedKeys} keys; sandbox peak RSS (VmHWM) {peakMb} MB");

        answers.Keys.Should().OnlyContain(s => s == HttpStatusCode.Unauthorized || s == HttpStatusCode.BadRequest || s == HttpStatusCode.RequestEntityTooLarge, tally);
        answers.GetValueOrDefault(HttpStatusCode.Unauthorized).Should().Be(Logins - (Logins / 100), "every address of 254 characters is an ordinary failed login");
        (await Sandbox.LogShowsAsync("Login limiter full", logFrom, TimeSpan.FromSeconds(10))).Should().BeTrue("the store filled up and forgot the oldest counts");
        using (var health = await Sandbox.Http.GetAsync(new Uri("health", UriKind.Relative)))
        {
            health.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        using (var right = await Sandbox.LogInAsync(user.Email, user.Password, CancellationToken.None))
        {
            right.StatusCode.Should().Be(HttpStatusCode.OK, "a user still logs in after the flood");
        }

        peakMb.Should().BeLessThan(PeakMemoryBudgetMb);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return (sorted[(sorted.Count - 1) / 2] + sorted[sorted.Count / 2]) / 2;
    }

    private async Task<double> TimedFailureAsync(string email)
    {
        var clock = Stopwatch.StartNew();
        using var response = await Sandbox.LogInAsync(email, "wrong-password", CancellationToken.None);
        clock.Stop();
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        return clock.Elapsed.TotalMilliseconds;
    }
}
