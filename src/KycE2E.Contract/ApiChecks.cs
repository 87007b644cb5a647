using System.Globalization;
using System.Text;
using System.Text.Json;

namespace KycE2E.Contract;

/// <summary>
/// The test-data API of contract 1, each endpoint with valid and invalid input, raw HTTP so that every status is seen as
/// the environment sent it. Users it makes are its own (fresh e-mail addresses); it never calls /test-api/reset and moves
/// only its own users' clocks, so it can run against a shared staging environment.
/// </summary>
internal sealed class ApiChecks(HttpClient http, string key)
{
    public const string KeyHeader = "X-Test-Api-Key";

    /// <summary>An answer: its status and its body (JSON when it parses).</summary>
    internal sealed record Answer(int Status, string Text)
    {
        public JsonElement? Json
        {
            get
            {
                try
                {
                    return JsonDocument.Parse(Text).RootElement.Clone();
                }
                catch (JsonException)
                {
                    return null;
                }
            }
        }

        public string Field(string name) =>
            Json is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(name, out var v) ? v.ToString() : "";

        public override string ToString() => Status.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Present when the answer has the expected status; otherwise wrong, saying what was sent and what came back.</summary>
    private static Capability Answers(string name, Answer response, int expected, string sent) =>
        response.Status == expected
            ? Capability.Present(name)
            : Capability.Wrong(name, string.Create(CultureInfo.InvariantCulture, $"{expected} for {sent}"), response.ToString());

    /// <summary>The states a user can be seeded in, each read back: name, seed body, what the case must then say.</summary>
    private static readonly (string Name, string Seed, string Status, string? RejectType, string? Reason, bool Locked)[] States =
    [
        ("not_started", """{"status":"not_started"}""", "not_started", null, null, false),
        ("pending", """{"status":"pending"}""", "pending", null, null, false),
        ("approved", """{"status":"approved"}""", "approved", null, null, false),
        ("rejected RETRY", """{"status":"rejected","reasons":["PHOTO_BLURRY"]}""", "rejected", "RETRY", "PHOTO_BLURRY", false),
        ("rejected FINAL", """{"status":"rejected","reasons":["UNDERAGE"]}""", "rejected", "FINAL", "UNDERAGE", false),
        ("locked", """{"status":"rejected","reasons":["PHOTO_BLURRY","ATTEMPTS_EXCEEDED"]}""", "rejected", null, "ATTEMPTS_EXCEEDED", true),
    ];

    public async Task<List<Capability>> RunAsync(CancellationToken cancel)
    {
        var found = new List<Capability>
        {
            await KeyAsync(cancel),
            await CreateUserAsync(cancel),
            await ReadCaseAsync(cancel),
        };
        foreach (var state in States)
        {
            found.Add(await SeedAsync(state, cancel));
        }

        found.Add(await RunReviewsAsync(cancel));
        var (force, rejectedUser) = await ForceReviewAsync(cancel);
        found.Add(force);
        found.Add(await ClockAsync(cancel));
        found.Add(await FaultAsync(cancel));
        found.Add(await OutboxAsync(rejectedUser, cancel));
        return found;
    }

    private async Task<Capability> KeyAsync(CancellationToken cancel)
    {
        const string name = "test-data API key (X-Test-Api-Key refused when absent or wrong)";
        var none = await SendAsync(HttpMethod.Post, "test-api/users", "{}", keyOverride: "", cancel: cancel);
        var wrong = await SendAsync(HttpMethod.Post, "test-api/users", "{}", keyOverride: "not-the-key", cancel: cancel);
        return Refused(none) && Refused(wrong)
            ? Capability.Present(name)
            : Capability.Wrong(name, "401 or 403 without the key and with a wrong one", $"{none} and {wrong}");

        static bool Refused(Answer a) => a.Status is 401 or 403;
    }

    private async Task<Capability> CreateUserAsync(CancellationToken cancel)
    {
        const string name = "create a user (POST /test-api/users)";
        var made = await SendAsync(HttpMethod.Post, "test-api/users", """{"locale":"en"}""", cancel: cancel);
        if (made.Status == 404)
        {
            return Capability.Missing(name, "answered 404");
        }

        if (made.Status != 201 || made.Field("userId").Length == 0 || made.Field("email").Length == 0 || made.Field("password").Length == 0)
        {
            return Capability.Wrong(name, "201 {userId, email, password}", $"{made.Status} {Short(made.Text)}");
        }

        var bad = await SendAsync(HttpMethod.Post, "test-api/users", """{"verification":{"status":"no-such-status"}}""", cancel: cancel);
        return Answers(name, bad, 400, "an unknown status");
    }

    private async Task<Capability> ReadCaseAsync(CancellationToken cancel)
    {
        const string name = "read a case (GET /test-api/users/{userId}/verification)";
        var user = await NewUserAsync("""{"status":"not_started"}""", cancel);
        if (user is null)
        {
            return Capability.Missing(name, "no user could be made to read");
        }

        var read = await SendAsync(HttpMethod.Get, CasePath(user), null, cancel: cancel);
        if (read.Status == 404)
        {
            return Capability.Missing(name, "answered 404 for a user just made");
        }

        if (read.Status != 200 || read.Field("status").Length == 0 || read.Field("now").Length == 0)
        {
            return Capability.Wrong(name, "200 with status and now", $"{read.Status} {Short(read.Text)}");
        }

        var unknown = await SendAsync(HttpMethod.Get, CasePath("no-such-user"), null, cancel: cancel);
        return Answers(name, unknown, 404, "an unknown user");
    }

    private async Task<Capability> SeedAsync((string Name, string Seed, string Status, string? RejectType, string? Reason, bool Locked) state, CancellationToken cancel)
    {
        var name = $"user seeded {state.Name}, read back";
        var made = await SendAsync(HttpMethod.Post, "test-api/users", $$"""{"locale":"en","verification":{{state.Seed}}}""", cancel: cancel);
        if (made.Status != 201)
        {
            return Capability.Wrong(name, "201", $"{made.Status} {Short(made.Text)}");
        }

        var read = await SendAsync(HttpMethod.Get, CasePath(made.Field("userId")), null, cancel: cancel);
        var got = $"status {read.Field("status")}, rejectType {Or(read.Field("rejectType"))}, reasons {Or(read.Field("reasons"))}, lockedUntil {Or(read.Field("lockedUntil"))}";
        var right = read.Status == 200
            && read.Field("status") == state.Status
            && (state.RejectType is null || read.Field("rejectType") == state.RejectType)
            && (state.Reason is null || read.Field("reasons").Contains(state.Reason, StringComparison.Ordinal))
            && (read.Field("lockedUntil").Length > 0) == state.Locked;
        return right
            ? Capability.Present(name)
            : Capability.Wrong(name, $"status {state.Status}{(state.RejectType is null ? "" : $", rejectType {state.RejectType}")}{(state.Reason is null ? "" : $", reasons with {state.Reason}")}{(state.Locked ? ", lockedUntil set" : "")}", read.Status == 200 ? got : read.ToString());

        static string Or(string s) => s.Length == 0 ? "none" : s;
    }

    private async Task<Capability> RunReviewsAsync(CancellationToken cancel)
    {
        const string name = "complete pending reviews (POST /test-api/reviews/run)";
        var user = await NewUserAsync("""{"status":"pending"}""", cancel);
        var run = await SendAsync(HttpMethod.Post, "test-api/reviews/run", Json(new { userId = user }), cancel: cancel);
        if (run.Status == 404 && user is not null)
        {
            return Capability.Missing(name, "answered 404");
        }

        var status = user is null ? "" : await StatusAsync(user, cancel);
        if (run.Status != 200 || run.Field("completed").Length == 0 || status is "pending" or "")
        {
            return Capability.Wrong(name, "200 {completed} and the case no longer pending", $"{run.Status}, case {Or(status)}");
        }

        var unknown = await SendAsync(HttpMethod.Post, "test-api/reviews/run", """{"userId":"no-such-user"}""", cancel: cancel);
        var bad = await SendAsync(HttpMethod.Post, "test-api/reviews/run", """{"userId":""", cancel: cancel);
        return unknown.Status == 404 && bad.Status == 400
            ? Capability.Present(name)
            : Capability.Wrong(name, "404 for an unknown user and 400 for a body that is not JSON", $"{unknown} and {bad}");
    }

    private async Task<(Capability, string?)> ForceReviewAsync(CancellationToken cancel)
    {
        const string name = "force a review result (POST /test-api/users/{userId}/review)";
        var user = await NewUserAsync("""{"status":"pending"}""", cancel);
        if (user is null)
        {
            return (Capability.Missing(name, "no pending user could be made"), null);
        }

        var forced = await SendAsync(HttpMethod.Post, $"test-api/users/{Uri.EscapeDataString(user)}/review", """{"answer":"rejected","reasons":["PHOTO_GLARE"]}""", cancel: cancel);
        if (forced.Status == 404)
        {
            return (Capability.Missing(name, "answered 404"), user);
        }

        var read = await SendAsync(HttpMethod.Get, CasePath(user), null, cancel: cancel);
        if (forced.Status != 200 || read.Field("status") != "rejected" || !read.Field("reasons").Contains("PHOTO_GLARE", StringComparison.Ordinal))
        {
            return (Capability.Wrong(name, "200 and the case rejected for PHOTO_GLARE", $"{forced.Status}, case {read.Field("status")} {read.Field("reasons")}"), user);
        }

        var bad = await SendAsync(HttpMethod.Post, $"test-api/users/{Uri.EscapeDataString(user)}/review", """{"answer":"maybe"}""", cancel: cancel);
        return (Answers(name, bad, 400, "answer 'maybe'"), user);
    }

    private async Task<Capability> ClockAsync(CancellationToken cancel)
    {
        const string name = "clock moved and read back (GET /test-api/clock, POST /test-api/clock/advance)";
        var user = await NewUserAsync("""{"status":"not_started"}""", cancel);
        var query = user is null ? "" : $"?userId={Uri.EscapeDataString(user)}";
        var before = await SendAsync(HttpMethod.Get, "test-api/clock" + query, null, cancel: cancel);
        if (before.Status == 404)
        {
            return Capability.Missing(name, "GET /test-api/clock answered 404");
        }

        var moved = await SendAsync(HttpMethod.Post, "test-api/clock/advance", Json(new { minutes = 90, userId = user }), cancel: cancel);
        if (moved.Status == 404)
        {
            return Capability.Missing(name, "POST /test-api/clock/advance answered 404");
        }

        var after = await SendAsync(HttpMethod.Get, "test-api/clock" + query, null, cancel: cancel);
        if (!DateTimeOffset.TryParse(before.Field("now"), CultureInfo.InvariantCulture, out var was)
            || !DateTimeOffset.TryParse(after.Field("now"), CultureInfo.InvariantCulture, out var now)
            || moved.Status != 200)
        {
            return Capability.Wrong(name, "200 and {now} from both", $"{before.Status}, {moved.Status}, {after.Status}");
        }

        var moves = now - was;
        if (moves < TimeSpan.FromMinutes(90) || moves > TimeSpan.FromMinutes(95))
        {
            return Capability.Wrong(name, "now 90 minutes later", $"{moves.TotalMinutes:0.#} minutes later");
        }

        var bad = await SendAsync(HttpMethod.Post, "test-api/clock/advance", Json(new { minutes = -5, userId = user }), cancel: cancel);
        return Answers(name, bad, 400, "minutes -5");
    }

    /// <summary>A review outage injected for one user: her review does not complete, the next one does.</summary>
    private async Task<Capability> FaultAsync(CancellationToken cancel)
    {
        const string name = "fault injected and observed (POST /test-api/faults, review-outage)";
        var user = await NewUserAsync("""{"status":"pending"}""", cancel);
        if (user is null)
        {
            return Capability.Missing(name, "no pending user could be made");
        }

        var fault = await SendAsync(HttpMethod.Post, "test-api/faults", Json(new { userId = user, kind = "review-outage", count = 1 }), cancel: cancel);
        if (fault.Status == 404)
        {
            return Capability.Missing(name, "answered 404");
        }

        await SendAsync(HttpMethod.Post, "test-api/reviews/run", Json(new { userId = user }), cancel: cancel);
        var during = await StatusAsync(user, cancel);
        await SendAsync(HttpMethod.Post, "test-api/reviews/run", Json(new { userId = user }), cancel: cancel);
        var after = await StatusAsync(user, cancel);
        if (fault.Status != 200 || during != "pending" || after is "pending" or "")
        {
            return Capability.Wrong(name, "200, the case still pending after the outage, reviewed on the next run", $"{fault.Status}, {Or(during)}, then {Or(after)}");
        }

        var bad = await SendAsync(HttpMethod.Post, "test-api/faults", Json(new { userId = user, kind = "no-such-fault" }), cancel: cancel);
        return Answers(name, bad, 400, "kind 'no-such-fault'");
    }

    private async Task<Capability> OutboxAsync(string? rejectedUser, CancellationToken cancel)
    {
        const string name = "outbox (GET /test-api/outbox?userId=)";
        var query = rejectedUser is null ? "" : $"?userId={Uri.EscapeDataString(rejectedUser)}";
        var outbox = await SendAsync(HttpMethod.Get, "test-api/outbox" + query, null, cancel: cancel);
        if (outbox.Status == 404)
        {
            return Capability.Missing(name, "answered 404");
        }

        if (outbox.Status != 200 || outbox.Json is not { ValueKind: JsonValueKind.Array } list)
        {
            return Capability.Wrong(name, "200 and a list of messages", $"{outbox.Status} {Short(outbox.Text)}");
        }

        return rejectedUser is null || list.EnumerateArray().Any(m => m.TryGetProperty("userId", out var id) && id.GetString() == rejectedUser)
            ? Capability.Present(name)
            : Capability.Wrong(name, "a message for the user whose review was forced", $"{list.GetArrayLength()} message(s), none hers");
    }

    private async Task<string?> NewUserAsync(string verification, CancellationToken cancel)
    {
        var made = await SendAsync(HttpMethod.Post, "test-api/users", $$"""{"locale":"en","verification":{{verification}}}""", cancel: cancel);
        return made.Status == 201 && made.Field("userId") is { Length: > 0 } id ? id : null;
    }

    private async Task<string> StatusAsync(string user, CancellationToken cancel) =>
        (await SendAsync(HttpMethod.Get, CasePath(user), null, cancel: cancel)).Field("status");

    private static string CasePath(string user) => $"test-api/users/{Uri.EscapeDataString(user)}/verification";

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static string Json(object body) => JsonSerializer.Serialize(body, Web);

    private static string Short(string text) => text.Length > 120 ? text[..120] + "…" : text;

    private static string Or(string s) => s.Length == 0 ? "no answer" : s;

    private async Task<Answer> SendAsync(HttpMethod method, string path, string? body, string? keyOverride = null, CancellationToken cancel = default)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        var sent = keyOverride ?? key;
        if (sent.Length > 0)
        {
            request.Headers.Add(KeyHeader, sent);
        }

        using var response = await http.SendAsync(request, cancel);
        return new Answer((int)response.StatusCode, await response.Content.ReadAsStringAsync(cancel));
    }

}
