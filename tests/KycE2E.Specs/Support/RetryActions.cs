using FluentAssertions;
using KycE2E.Automation.Configuration;
using KycE2E.Automation.Identity;
using KycE2E.Automation.Journeys;
using KycE2E.Automation.TestData;
using KycE2E.Documents;

namespace KycE2E.Specs.Support;

/// <summary>The retry as several steps use it: open the form, fill it in, submit, and the pending page that should follow.</summary>
public sealed class RetryActions(ScenarioUser user, ScenarioDocuments documents, TestDataClient testData, SuiteSettings settings, IVerificationActions actions, IVerificationExpectations expectations)
{
    /// <summary>Guide step 4: the details typed, remembered as what the retry form should show again.</summary>
    public async Task EnterAsync(FormDetails details)
    {
        await actions.EnterDetailsAsync(details);
        documents.LastSubmitted = details;
    }

    /// <summary>Retry, then the form filled in: details and photos, not yet submitted.</summary>
    public async Task FillAsync(FormDetails details, DocumentPhoto front, DocumentPhoto? back)
    {
        await actions.RetryAsync();
        await EnterAsync(details);
        await actions.ChoosePhotosAsync(front, back);
    }

    public async Task SubmitAsync(FormDetails details, DocumentPhoto front, DocumentPhoto? back)
    {
        await FillAsync(details, front, back);
        await actions.CheckAndSubmitAsync();
    }

    /// <summary>Submitted and accepted: the pending page follows.</summary>
    public async Task SubmitAndWaitAsync(FormDetails details, DocumentPhoto front, DocumentPhoto? back)
    {
        await SubmitAsync(details, front, back);
        await ExpectPendingAsync();
    }

    /// <summary>Her review falls due (her clock moves past the promised delay) and she looks at her status again.</summary>
    public async Task ReviewHasRunAsync()
    {
        await testData.AdvanceClockAsync(settings.Environment.ReviewDelay + TimeSpan.FromMinutes(1), user.Current.UserId);
        await actions.ReloadStatusAsync();
    }

    /// <summary>
    /// The pending page with the time the review is expected by, as the user reads it: her new attempt's submission time
    /// plus the environment's promised delay (the environment's own record must say the same).
    /// </summary>
    public async Task ExpectPendingAsync()
    {
        // The page first: it follows the environment's answer, so the attempt is recorded by then.
        await expectations.ExpectStatusAsync("pending");
        var record = await testData.GetVerificationAsync(user.Current.UserId);
        var attempt = record.LastAttempt;
        attempt.Number.Should().BeGreaterThan(user.AttemptsAtStart, "the submission is a new attempt");
        attempt.Status.Should().Be("pending");
        var expectedBy = attempt.SubmittedAt + settings.Environment.ReviewDelay;
        record.ExpectedReviewBy.Should().Be(expectedBy, "the review is promised the environment's review delay after the submission");
        await expectations.ExpectPendingAsync(expectedBy);
    }
}
