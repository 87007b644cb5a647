using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using KycE2E.Automation.Identity;
using KycE2E.Automation.TestData;

namespace KycE2E.Bench;

/// <summary>One request of the load test: which call, how long it took, whether it answered as the flow expects.</summary>
internal sealed record LoadSample(string Call, double Milliseconds, bool Ok);

/// <summary>What the load test measured.</summary>
internal sealed record LoadResult(
    int Users, double Seconds, int Requests, double RequestsPerSecond, double P50Ms, double P95Ms, double P99Ms, int Errors,
    int Journeys, IReadOnlyDictionary<string, int> Outcomes, IReadOnlyDictionary<string, double> P95MsByCall, IReadOnlyList<string> FirstErrors,
    double SandboxPeakRssMb);

/// <summary>
/// Users doing the full API flow side by side on loopback for a fixed time: seeded as rejected, log in, read the case,
/// submit the retry with photos, let the review run, read the result. Each user has her own papers, made beforehand.
/// </summary>
internal static class LoadTest
{
    public static async Task<LoadResult> RunAsync(Uri baseUrl, string key, int users, TimeSpan duration, Func<double> sandboxPeakRssMb, TextWriter log)
    {
        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(60) };
        var testData = new TestDataClient(http, key);
        var app = new AppApiClient(http);
        var today = DateOnly.FromDateTime((await testData.NowAsync()).UtcDateTime);
        log.WriteLine($"bench: load: making papers for {users} users");
        var papers = await Task.WhenAll(Enumerable.Range(0, users).Select(_ => Task.Run(() =>
        {
            var identity = TestIdentity.Adult(today);
            return (identity.Details, Front: identity.Front(), Back: identity.Back());
        })));

        var samples = new ConcurrentBag<LoadSample>();
        var outcomes = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var errors = new ConcurrentQueue<string>();
        log.WriteLine($"bench: load: {users} users for {duration.TotalSeconds:0} s");
        var clock = Stopwatch.StartNew();
        var deadline = clock.Elapsed + duration;

        async Task<T> Timed<T>(string call, Func<Task<T>> request, Func<T, bool> ok)
        {
            var started = clock.Elapsed;
            try
            {
                var result = await request();
                var fine = ok(result);
                samples.Add(new LoadSample(call, (clock.Elapsed - started).TotalMilliseconds, fine));
                if (!fine && errors.Count < 10)
                {
                    errors.Enqueue($"{call}: {result}");
                }

                return result;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or TestDataApiException or JsonException or InvalidOperationException)
            {
                samples.Add(new LoadSample(call, (clock.Elapsed - started).TotalMilliseconds, false));
                if (errors.Count < 10)
                {
                    errors.Enqueue($"{call}: {e.GetType().Name}: {e.Message.Split('\n')[0]}");
                }

                throw new JourneyAbandoned();
            }
        }

        async Task<string> ReadCase(string token)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/verification");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request);
            response.EnsureSuccessStatusCode();
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return body.RootElement.GetProperty("status").GetString() ?? "";
        }

        async Task User(int index)
        {
            var (details, front, back) = papers[index];
            while (clock.Elapsed < deadline)
            {
                try
                {
                    var user = await Timed("POST /test-api/users", () => testData.CreateUserAsync(new NewUser("en", Verification: new VerificationSeed("rejected", ["PHOTO_BLURRY"]))), _ => true);
                    var token = await Timed("POST /api/v1/auth/login", () => app.LogInAsync(user), t => t.Length > 0);
                    await Timed("GET /api/v1/verification", () => ReadCase(token), s => s == "rejected");
                    await Timed("POST /api/v1/verification/attempts", () => app.SubmitAsync(token, details, front, back, Guid.NewGuid().ToString("N")), a => (int)a.Status == 202);
                    await Timed("GET /api/v1/verification", () => ReadCase(token), s => s == "pending");
                    await Timed("POST /test-api/clock/advance", () => testData.AdvanceClockAsync(TimeSpan.FromMinutes(3), user.UserId), _ => true);
                    var final = await Timed("GET /api/v1/verification", () => ReadCase(token), s => s is "approved" or "rejected");
                    outcomes.AddOrUpdate(final, 1, (_, n) => n + 1);
                }
                catch (JourneyAbandoned)
                {
                    outcomes.AddOrUpdate("abandoned", 1, (_, n) => n + 1);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, users).Select(i => Task.Run(() => User(i))));
        var seconds = clock.Elapsed.TotalSeconds;
        var all = samples.ToList();
        var times = all.Select(s => s.Milliseconds).Order().ToArray();
        return new LoadResult(
            users, Math.Round(seconds, 1), all.Count, Math.Round(all.Count / seconds, 1),
            Percentile(times, 0.50), Percentile(times, 0.95), Percentile(times, 0.99), all.Count(s => !s.Ok),
            outcomes.Values.Sum(), new SortedDictionary<string, int>(outcomes, StringComparer.Ordinal),
            all.GroupBy(s => s.Call).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => Percentile([.. g.Select(s => s.Milliseconds).Order()], 0.95)),
            [.. errors], Math.Round(sandboxPeakRssMb(), 0));
    }

    public static double Percentile(double[] sorted, double share) =>
        sorted.Length == 0 ? 0 : Math.Round(sorted[Math.Clamp((int)Math.Ceiling(share * sorted.Length) - 1, 0, sorted.Length - 1)], 1);

    private sealed class JourneyAbandoned : Exception;
}
