using FluentAssertions;
using KycE2E.Automation.Journeys;
using KycE2E.Automation.TestData;
using KycE2E.Specs.Support;
using TechTalk.SpecFlow;

namespace KycE2E.Specs.StepDefinitions;

/// <summary>
/// A submission the network delivers twice: the client's upload request is sent to the environment two times at once,
/// and the client gets the first answer, as after a proxy's or a client library's retry.
/// </summary>
[Binding]
public sealed class DoubleSubmitSteps(ScenarioUser user, TestDataClient testData, IVerificationActions actions, IVerificationExpectations expectations)
{
    [Given(@"the network will send her next submission twice at once")]
    public async Task GivenTheNetworkSendsTwice() => await actions.SendNextSubmissionTwiceAsync();

    [Then(@"both copies of her submission were answered as accepted")]
    public async Task ThenBothWereAccepted()
    {
        var answers = await expectations.SubmissionCopiesAsync();
        // 202 for the copy that made the attempt, 200 for the copy recognised by its idempotency key; never a refusal.
        answers.Select(a => a.Status).Order().Should().Equal([200, 202], "the same submission is acknowledged, not refused, when it comes again");
        answers.Select(a => a.AttemptId).Distinct().Should().ContainSingle("both copies name the one attempt").Which.Should().NotBeNullOrEmpty();
    }

    [Then(@"exactly one attempt was recorded for her retry")]
    public async Task ThenOneAttemptWasRecorded()
    {
        var record = await testData.GetVerificationAsync(user.Current.UserId);
        record.Attempts.Should().HaveCount(user.AttemptsAtStart + 1, "one submission is one attempt, however often it arrives");
        record.Status.Should().Be("pending");
    }
}
