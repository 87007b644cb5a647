using FluentAssertions;
using KycE2E.Automation.Journeys;
using KycE2E.Automation.TestData;
using KycE2E.Specs.Support;
using TechTalk.SpecFlow;

namespace KycE2E.Specs.StepDefinitions;

/// <summary>Guide steps 4–6 and what follows: details and photos again, check, submit, wait, result.</summary>
[Binding]
public sealed class RetrySubmissionSteps(ScenarioUser user, ScenarioDocuments documents, TestDataClient testData, IVerificationJourney journey)
{
    [When(@"she enters her details exactly as on her ID card")]
    public async Task WhenSheEntersHerDetails() => await journey.EnterDetailsAsync((await documents.IdentityAsync()).Details);

    [When(@"she uploads sharp photos of both sides of her ID card")]
    public async Task WhenSheUploadsSharpPhotos()
    {
        var identity = await documents.IdentityAsync();
        await journey.ChoosePhotosAsync(identity.Front(), identity.Back());
    }

    [When(@"she checks her details and submits them")]
    public async Task WhenSheChecksAndSubmits() => await journey.CheckAndSubmitAsync();

    [Then(@"she is asked to wait for the review, with the time it is expected by")]
    public async Task ThenSheIsAskedToWait() => await journey.ExpectPendingAsync();

    [When(@"the review has run")]
    public async Task WhenTheReviewHasRun() => await testData.AdvanceClockAsync(TimeSpan.FromMinutes(3));

    [Then(@"she sees that her verification is approved")]
    public async Task ThenSheSeesApproved()
    {
        await journey.ReloadStatusAsync();
        await journey.ExpectStatusAsync("approved");
    }

    [Then(@"she is notified that her verification was approved")]
    public async Task ThenSheIsNotified()
    {
        var outbox = await testData.OutboxAsync(user.Current.UserId);
        outbox.Should().ContainSingle(m => m.Status == "approved" && m.Recipient == user.Current.Email);
    }
}
