using KycE2E.Automation.Journeys;
using KycE2E.Automation.TestData;
using KycE2E.Specs.Support;
using TechTalk.SpecFlow;

namespace KycE2E.Specs.StepDefinitions;

/// <summary>Guide steps 1–4: a rejected user logs in, finds her verification through the personal center and retries; and the ways back to it.</summary>
[Binding]
public sealed class RetryEntrySteps(ScenarioUser user, ScenarioLanguage language, TestDataClient testData, IVerificationActions actions, IVerificationExpectations expectations, LoggedInStart loggedIn)
{
    [StepArgumentTransformation]
    public static RejectionReason Reason(string phrase) => RejectionReason.FromPhrase(phrase);

    /// <summary>One reason or several, written "A and B" in the order the page lists them.</summary>
    [StepArgumentTransformation]
    public static ReasonList Reasons(string phrase) =>
        new([.. phrase.Split(" and ", StringSplitOptions.TrimEntries).Select(RejectionReason.FromPhrase)]);

    [Given(@"a user whose verification failed because (.+)")]
    public async Task GivenARejectedUser(RejectionReason reason) =>
        await user.SeedAsync(testData, language, new VerificationSeed("rejected", [reason.Code]));

    /// <summary>Guide step 1, on the log-in page: the scenarios that walk the guide's steps.</summary>
    [When(@"she logs in")]
    public async Task WhenSheLogsIn() => await actions.LogInAsync(user.Current);

    /// <summary>Every other scenario starts logged in; how is <see cref="LoggedInStart"/> (Run:LogIn).</summary>
    [Given(@"she is logged in")]
    public async Task GivenSheIsLoggedIn() => await loggedIn.StartAsync();

    [When(@"she opens identity verification from the personal center")]
    public async Task WhenSheOpensIdentityVerification() => await actions.OpenIdentityVerificationAsync();

    [Then(@"she sees that her verification failed because (.+), and for nothing else")]
    public async Task ThenSheSeesTheOnlyReasons(ReasonList reasons)
    {
        await expectations.ExpectStatusAsync("rejected");
        await expectations.ExpectReasonsAsync(reasons.Items);
    }

    [Then(@"she sees that her verification failed because (?!.*, and for nothing else$)(.+)")]
    public async Task ThenSheSeesTheFailure(RejectionReason reason)
    {
        await expectations.ExpectStatusAsync("rejected");
        await expectations.ExpectReasonAmongAsync(reason);
    }

    [Then(@"she is offered to retry")]
    public async Task ThenRetryIsOffered() => await expectations.ExpectRetryOfferedAsync();

    [Then(@"she is sent to customer support")]
    public async Task ThenSheIsSentToSupport() => await expectations.ExpectSentToSupportAsync();

    [Then(@"she is told that her verification cannot be retried")]
    public async Task ThenSheIsToldItIsFinal() => await expectations.ExpectFinalNoteAsync();

    [Then(@"she has (\d+) attempts? left today")]
    public async Task ThenSheHasAttemptsLeft(int count) => await expectations.ExpectAttemptsLeftAsync(count);

    [Then(@"the page says the same in her other language")]
    public async Task ThenThePageSaysTheSameInTheOtherLanguage()
    {
        var record = await testData.GetVerificationAsync(user.Current.UserId);
        await actions.SwitchLanguageAsync(GuideVocabulary.For(user.Current.Locale).Other.Locale);
        await expectations.ExpectStatusAsync(record.Status);
        await expectations.ExpectReasonsAsync([.. record.Reasons.Select(RejectionReason.FromPhrase)]);
    }

    [When(@"she reloads the page")]
    public async Task WhenSheReloads() => await actions.ReloadStatusAsync();

    [When(@"she goes back and returns to the page")]
    public async Task WhenSheGoesBackAndReturns() => await actions.GoBackAndReturnAsync();

    [When(@"she opens her verification again later, from a bookmark or the app's icon")]
    public async Task WhenSheOpensItAgain() => await actions.OpenStatusPageAsync();

    [When(@"she retries")]
    public async Task WhenSheRetries() => await actions.RetryAsync();

    [Then(@"she is asked for her details again")]
    public async Task ThenTheFormIsShown() => await expectations.ExpectVerificationFormAsync();
}

/// <summary>The reasons a step names, in the order the page lists them.</summary>
public sealed record ReasonList(IReadOnlyList<RejectionReason> Items);
