using System.Net.Http.Json;
using System.Text.Json;
using KycE2E.Documents;

namespace KycE2E.Bench.Plain;

/// <summary>
/// The test-data calls a plain script makes, written out with HttpClient: no client classes, no records of the suite.
/// Part of the plain scripts, so it uses nothing of KycE2E.Automation.
/// </summary>
internal sealed class PlainApi(HttpClient http, string key)
{
    public async Task<(string UserId, string Email, string Password)> SeedRejectedAsync(string reason)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "test-api/users")
        {
            Content = JsonContent.Create(new { locale = "en", verification = new { status = "rejected", reasons = new[] { reason } } }),
        };
        request.Headers.Add("X-Test-Api-Key", key);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var user = body.RootElement;
        return (user.GetProperty("userId").GetString()!, user.GetProperty("email").GetString()!, user.GetProperty("password").GetString()!);
    }

    public async Task<DateOnly> TodayAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "test-api/clock");
        request.Headers.Add("X-Test-Api-Key", key);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return DateOnly.FromDateTime(body.RootElement.GetProperty("now").GetDateTimeOffset().UtcDateTime);
    }

    public async Task AdvanceClockAsync(string userId, int minutes)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "test-api/clock/advance") { Content = JsonContent.Create(new { minutes, userId }) };
        request.Headers.Add("X-Test-Api-Key", key);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }

    public async Task<int> ApprovedMessagesAsync(string userId, string email)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"test-api/outbox?userId={Uri.EscapeDataString(userId)}");
        request.Headers.Add("X-Test-Api-Key", key);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.EnumerateArray().Count(m => m.GetProperty("status").GetString() == "approved" && m.GetProperty("recipient").GetString() == email);
    }

    /// <summary>A fresh adult with an ID card, and photos of both sides (the front in the given variant).</summary>
    public static (Holder Holder, DocumentPhoto Front, DocumentPhoto Back) Papers(DateOnly today, PhotoVariant front)
    {
        var seed = Random.Shared.Next(1, int.MaxValue - 16);
        var factory = new HolderFactory(seed);
        var holder = factory.Adult(today, DocumentType.ChineseIdCardFront);
        var card = factory.ValidDocument(holder, DocumentType.ChineseIdCardFront, today);
        return (holder, PhotoStudio.Photograph(card, front, seed), PhotoStudio.Photograph(card.OtherSide(), PhotoVariant.Clear, seed + 7));
    }
}
