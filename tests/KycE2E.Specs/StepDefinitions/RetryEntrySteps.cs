using KycE2E.Automation.Journeys;
using KycE2E.Automation.TestData;
using KycE2E.Specs.Support;
using TechTalk.SpecFlow;

namespace KycE2E.Specs.StepDefinitions;

/// <summary>Guide steps 1–4: a rejected user logs in, finds her verification through the personal center and retries.</summary>
[Binding]
public sealed class RetryEntrySteps(ScenarioUser user, ScenarioLanguage language, TestDataClient testData, IVerificationJourney journey)
{
    [StepArgumentTransformation]
    public static RejectionReason Reason(string phrase) => RejectionReason.FromPhrase(phrase);

    [Given(@"a user whose verification failed because (.+)")]
    public async Task GivenARejectedUser(RejectionReason reason) =>
        await user.SeedAsync(testData, language, new VerificationSeed("rejected", [reason.Code]));

    [When(@"she logs in")]
    public async Task WhenSheLogsIn() => await journey.LogInAsync(user.Current);

    [When(@"she opens identity verification from the personal center")]
    public async Task WhenSheOpensIdentityVerification() => await journey.OpenIdentityVerificationAsync();

    [Then(@"she sees that her verification failed because (.+), and for nothing else")]
    public async Task ThenSheSeesTheOnlyReason(RejectionReason reason)
    {
        await journey.ExpectStatusAsync("rejected");
        await journey.ExpectReasonsAsync([reason]);
    }

    [Then(@"she sees that her verification failed because (?!.*, and for nothing else$)(.+)")]
    public async Task ThenSheSeesTheFailure(RejectionReason reason)
    {
        await journey.ExpectStatusAsync("rejected");
        await journey.ExpectReasonAmongAsync(reason);
    }

    [Then(@"she is offered to retry")]
    public async Task ThenRetryIsOffered() => await journey.ExpectRetryOfferedAsync();

    [Then(@"she is sent to customer support")]
    public async Task ThenSheIsSentToSupport() => await journey.ExpectSentToSupportAsync();

    [When(@"she retries")]
    public async Task WhenSheRetries() => await journey.RetryAsync();

    [Then(@"she is asked for her details again")]
    public async Task ThenTheFormIsShown() => await journey.ExpectVerificationFormAsync();
}
