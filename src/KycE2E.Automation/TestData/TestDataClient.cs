using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using KycE2E.Automation.Configuration;

namespace KycE2E.Automation.TestData;

/// <summary>The environment's test-data API (/test-api, X-Test-Api-Key): seeds users and reads back what the environment recorded.</summary>
public sealed class TestDataClient
{
    public const string KeyHeader = "X-Test-Api-Key";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly HttpClient _http;
    private readonly string _testApiKey;

    /// <summary>The key goes on each request, so the HttpClient can be shared with callers that must not carry it.</summary>
    public TestDataClient(HttpClient http, string testApiKey)
    {
        _http = http;
        _testApiKey = testApiKey;
    }

    /// <summary>What the environment lacks (Environment:Lacks: clock, faults, outbox); a call that needs one of them is never sent.</summary>
    public IReadOnlyCollection<string> Lacks { get; init; } = [];

    /// <summary>
    /// What a call that needs a missing capability does with the reason: by default it throws
    /// <see cref="CapabilityMissingException"/>; the scenarios make it a skip with that reason.
    /// </summary>
    public Action<string>? OnMissing { get; set; }

    private void Needs(string capability, string what)
    {
        if (!Lacks.Contains(capability))
        {
            return;
        }

        var reason = $"needs {what} ('{capability}'), which this environment lacks (Environment:Lacks)";
        OnMissing?.Invoke(reason);
        throw new CapabilityMissingException(reason);
    }

    public async Task<TestUser> CreateUserAsync(NewUser user, CancellationToken cancel = default)
    {
        using var response = await SendAsync(HttpMethod.Post, "test-api/users", JsonContent.Create(user, options: Json), cancel);
        var created = await ReadAsync<CreatedUser>(response, "POST /test-api/users", cancel);
        return new TestUser(created.UserId, created.Email, created.Password, user.Locale ?? "zh-CN");
    }

    public async Task<VerificationRecord> GetVerificationAsync(string userId, CancellationToken cancel = default)
    {
        using var response = await SendAsync(HttpMethod.Get, VerificationPath(userId), null, cancel);
        return await ReadAsync<VerificationRecord>(response, $"GET /{VerificationPath(userId)}", cancel);
    }

    /// <summary>The case as raw JSON, for the failure artifacts.</summary>
    public async Task<string> GetVerificationJsonAsync(string userId, CancellationToken cancel = default)
    {
        using var response = await SendAsync(HttpMethod.Get, VerificationPath(userId), null, cancel);
        return await response.Content.ReadAsStringAsync(cancel);
    }

    /// <summary>Completes every pending review now (of one user, or all).</summary>
    public async Task<int> RunReviewsAsync(string? userId = null, CancellationToken cancel = default)
    {
        using var response = await SendAsync(HttpMethod.Post, "test-api/reviews/run", JsonContent.Create(new { userId }, options: Json), cancel);
        return (await ReadAsync<JsonElement>(response, "POST /test-api/reviews/run", cancel)).GetProperty("completed").GetInt32();
    }

    /// <summary>Forces the result of the user's pending (or next) review.</summary>
    public async Task ForceReviewAsync(string userId, string answer, IReadOnlyList<string>? reasons = null, string? rejectType = null, string? moderationComment = null, CancellationToken cancel = default)
    {
        using var response = await SendAsync(HttpMethod.Post, $"test-api/users/{Uri.EscapeDataString(userId)}/review",
            JsonContent.Create(new { answer, reasons, rejectType, moderationComment }, options: Json), cancel);
        await ReadAsync<JsonElement>(response, "POST /test-api/users/{id}/review", cancel);
    }

    /// <summary>
    /// Moves the sandbox clock forward, for one user only when <paramref name="userId"/> is given (so parallel scenarios
    /// keep their own time); reviews that fall due are completed before it answers.
    /// </summary>
    public async Task<DateTimeOffset> AdvanceClockAsync(TimeSpan by, string? userId = null, CancellationToken cancel = default)
    {
        Needs(Capabilities.Clock, "the clock moved");
        using var response = await SendAsync(HttpMethod.Post, "test-api/clock/advance", JsonContent.Create(new { minutes = by.TotalMinutes, userId }, options: Json), cancel);
        return (await ReadAsync<JsonElement>(response, "POST /test-api/clock/advance", cancel)).GetProperty("now").GetDateTimeOffset();
    }

    /// <summary>The sandbox clock's now: the user's own time when <paramref name="userId"/> is given.</summary>
    public async Task<DateTimeOffset> NowAsync(string? userId = null, CancellationToken cancel = default)
    {
        var path = userId is null ? "test-api/clock" : $"test-api/clock?userId={Uri.EscapeDataString(userId)}";
        using var response = await SendAsync(HttpMethod.Get, path, null, cancel);
        return (await ReadAsync<JsonElement>(response, "GET /test-api/clock", cancel)).GetProperty("now").GetDateTimeOffset();
    }

    /// <summary>Injects a network or back-end fault: upload-fail, upload-latency (ms) or review-outage.</summary>
    public async Task AddFaultAsync(string kind, string? userId = null, int count = 1, int? ms = null, CancellationToken cancel = default)
    {
        Needs(Capabilities.Faults, $"a fault injected ({kind})");
        using var response = await SendAsync(HttpMethod.Post, "test-api/faults", JsonContent.Create(new { userId, kind, count, ms }, options: Json), cancel);
        await ReadAsync<JsonElement>(response, "POST /test-api/faults", cancel);
    }

    public async Task<IReadOnlyList<OutboxMessage>> OutboxAsync(string userId, CancellationToken cancel = default)
    {
        Needs(Capabilities.Outbox, "the outbox read");
        using var response = await SendAsync(HttpMethod.Get, $"test-api/outbox?userId={Uri.EscapeDataString(userId)}", null, cancel);
        return await ReadAsync<List<OutboxMessage>>(response, "GET /test-api/outbox", cancel);
    }

    private static string VerificationPath(string userId) => $"test-api/users/{Uri.EscapeDataString(userId)}/verification";

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content, CancellationToken cancel)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
        request.Headers.Add(KeyHeader, _testApiKey);
        return await _http.SendAsync(request, cancel);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, string call, CancellationToken cancel)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancel);
            throw new TestDataApiException($"{call} answered {(int)response.StatusCode} {response.StatusCode}: {body}");
        }

        return await response.Content.ReadFromJsonAsync<T>(Json, cancel)
            ?? throw new TestDataApiException($"{call} answered an empty body");
    }

    private sealed record CreatedUser(string UserId, string Email, string Password);
}

public sealed record NewUser(string? Locale = null, string? Region = null, VerificationSeed? Verification = null);

public sealed record VerificationSeed(
    string Status,
    IReadOnlyList<string>? Reasons = null,
    string? RejectType = null,
    int? AttemptsUsed = null,
    string? ModerationComment = null);

/// <summary>A seeded user; the password never appears in logs or reports.</summary>
public sealed record TestUser(string UserId, string Email, string Password, string Locale)
{
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append($"UserId = {UserId}, Email = {Email}, Password = ***, Locale = {Locale}");
        return true;
    }
}

public sealed record VerificationRecord(
    string Status,
    IReadOnlyList<string> Reasons,
    string? RejectType,
    string? ModerationComment,
    int AttemptsUsed,
    int AttemptsLeft,
    DateTimeOffset? LockedUntil,
    bool CanRetry,
    DateTimeOffset? PendingSince,
    DateTimeOffset? ExpectedReviewBy,
    bool PendingTooLong,
    IReadOnlyList<string> HighlightFields,
    IReadOnlyList<AttemptRecord> Attempts,
    DateTimeOffset Now)
{
    /// <summary>The attempt made last (the highest number).</summary>
    public AttemptRecord LastAttempt => Attempts.MaxBy(a => a.Number) ?? throw new InvalidOperationException("The case has no attempt.");
}

public sealed record AttemptRecord(string AttemptId, int Number, DateTimeOffset SubmittedAt, string Status, IReadOnlyList<string> Reasons, string? RejectType, AttemptDetailsRecord? Details, bool HasFrontImage, bool HasBackImage);

public sealed record AttemptDetailsRecord(string Region, string DocumentType, string FullName, string DocumentNumber, DateOnly DateOfBirth);

public sealed record OutboxMessage(string UserId, string Channel, string Recipient, string Subject, string Body, string Status, DateTimeOffset CreatedAt);

public sealed class TestDataApiException : Exception
{
    public TestDataApiException(string message) : base(message)
    {
    }

    public TestDataApiException(string message, Exception inner) : base(message, inner)
    {
    }

    public TestDataApiException()
    {
    }
}

/// <summary>A call needs what the environment lacks (Environment:Lacks); the message says which.</summary>
public sealed class CapabilityMissingException : Exception
{
    public CapabilityMissingException(string message) : base(message)
    {
    }

    public CapabilityMissingException(string message, Exception inner) : base(message, inner)
    {
    }

    public CapabilityMissingException()
    {
    }
}
