using System.Collections.Concurrent;
using FluentAssertions;
using KycE2E.Automation.TestData;
using KycE2E.Specs.Support;
using Microsoft.Playwright;
using TechTalk.SpecFlow;

namespace KycE2E.Specs.StepDefinitions;

/// <summary>
/// A submission the network delivers twice (web only): the browser's upload request is sent to the environment two
/// times at once, and the page gets the first answer, as after a proxy's or a client library's retry.
/// </summary>
[Binding]
public sealed class DoubleSubmitSteps(ScenarioUser user, TestDataClient testData, IPage page)
{
    private readonly ConcurrentBag<(int Status, string? AttemptId)> _answers = [];

    [Given(@"the network will send her next submission twice at once")]
    public async Task GivenTheNetworkSendsTwice() =>
        await page.RouteAsync("**/account/verification/attempts", async route =>
        {
            var copies = await Task.WhenAll(route.FetchAsync(), route.FetchAsync());
            foreach (var copy in copies)
            {
                var body = await copy.JsonAsync();
                _answers.Add((copy.Status, body is { ValueKind: System.Text.Json.JsonValueKind.Object } json && json.TryGetProperty("attemptId", out var id) ? id.GetString() : null));
            }

            await route.FulfillAsync(new RouteFulfillOptions { Response = copies[0] });
        }, new PageRouteOptions { Times = 1 });

    [Then(@"both copies of her submission were answered as accepted")]
    public void ThenBothWereAccepted()
    {
        // 202 for the copy that made the attempt, 200 for the copy recognised by its idempotency key; never a refusal.
        _answers.Select(a => a.Status).Order().Should().Equal([200, 202], "the same submission is acknowledged, not refused, when it comes again");
        _answers.Select(a => a.AttemptId).Distinct().Should().ContainSingle("both copies name the one attempt").Which.Should().NotBeNullOrEmpty();
    }

    [Then(@"exactly one attempt was recorded for her retry")]
    public async Task ThenOneAttemptWasRecorded()
    {
        var record = await testData.GetVerificationAsync(user.Current.UserId);
        record.Attempts.Should().HaveCount(user.AttemptsAtStart + 1, "one submission is one attempt, however often it arrives");
        record.Status.Should().Be("pending");
    }
}
