using FluentAssertions;
using KycE2E.Automation.Identity;
using KycE2E.Automation.Journeys;
using KycE2E.Automation.TestData;
using KycE2E.Documents;
using KycE2E.Specs.Support;
using TechTalk.SpecFlow;

namespace KycE2E.Specs.StepDefinitions;

/// <summary>The guide's failure causes: mistakes the form catches, network failures, requirements, limits and waiting.</summary>
[Binding]
public sealed class FailureCauseSteps(
    ScenarioUser user,
    ScenarioLanguage language,
    ScenarioDocuments documents,
    TestDataClient testData,
    AppApiClient app,
    IVerificationActions actions,
    IVerificationExpectations expectations,
    RetryActions retry,
    LoggedInStart loggedIn)
{
    private DateTimeOffset? _lockedUntil;

    private DateTimeOffset LockedUntil => _lockedUntil ?? throw new InvalidOperationException("No lock yet: the scenario needs the step that is refused for too many attempts.");

    [When(@"she retries with (an ID number whose check character is wrong|a date of birth that is not the one in her ID number|no photo of the back of her ID card)")]
    public async Task WhenSheRetriesWithAMistakeTheFormSees(string mistake)
    {
        var identity = await documents.IdentityAsync();
        var details = identity.Details;
        switch (mistake)
        {
            case "an ID number whose check character is wrong":
                var wrong = "10X98765432".First(c => c != ChineseIdNumber.CheckCharacter(details.DocumentNumber.AsSpan(0, 17)));
                await retry.SubmitAsync(details with { DocumentNumber = details.DocumentNumber[..17] + wrong }, identity.Front(), identity.Back());
                break;
            case "a date of birth that is not the one in her ID number":
                await retry.SubmitAsync(details with { DateOfBirth = details.DateOfBirth.AddDays(1) }, identity.Front(), identity.Back());
                break;
            default:
                await retry.SubmitAsync(details, identity.Front(), back: null);
                break;
        }
    }

    [Then(@"the form tells her that (the ID number's check character is wrong|the date of birth does not match the ID number|the photo of the back is required)")]
    public async Task ThenTheFormTellsHer(string problem)
    {
        var (field, code) = problem switch
        {
            "the ID number's check character is wrong" => ("documentNumber", "id_number_check"),
            "the date of birth does not match the ID number" => ("dateOfBirth", "dob_not_in_id_number"),
            _ => ("backImage", "required"),
        };
        await expectations.ExpectFormErrorAsync(field, code);
    }

    [Then(@"no attempt was used")]
    public async Task ThenNoAttemptWasUsed()
    {
        var record = await testData.GetVerificationAsync(user.Current.UserId);
        record.Attempts.Should().HaveCount(user.AttemptsAtStart, "a form error or a failed upload is never an attempt");
        record.Status.Should().Be("rejected");
    }

    [Given(@"her network will drop during her next upload")]
    public async Task GivenTheNetworkWillDrop() => await testData.AddFaultAsync("upload-fail", user.Current.UserId);

    [Then(@"she is told that the upload failed and to check her network")]
    public async Task ThenSheIsToldTheUploadFailed() => await expectations.ExpectUploadFailedAsync();

    [Then(@"nothing she entered is lost")]
    public async Task ThenNothingIsLost() =>
        await expectations.ExpectNothingLostAsync(documents.LastSubmitted!, withBack: (await documents.IdentityAsync()).IsIdCard);

    [When(@"she retries with her details exactly as on her ID card and sharp photos, while her device is offline")]
    public async Task WhenSheRetriesOffline()
    {
        var identity = await documents.IdentityAsync();
        await retry.FillAsync(identity.Details, identity.Front(), identity.Back());
        await actions.SetOfflineAsync(true);
        await actions.CheckAndSubmitAsync();
    }

    [When(@"her device is back online and she submits again")]
    public async Task WhenSheIsBackOnline()
    {
        await actions.SetOfflineAsync(false);
        await actions.SubmitAgainAsync();
    }

    [When(@"she submits again")]
    public async Task WhenSheSubmitsAgain() => await actions.SubmitAgainAsync();

    [When(@"she retries as (.+)")]
    public async Task WhenSheRetriesAs(string who)
    {
        var (make, region) = who switch
        {
            "someone under 18 by the birth date in her ID number" => ((Func<DateOnly, int, TestIdentity>)((today, s) => TestIdentity.Underage(today, seed: s)), "CN"),
            "a resident of a region the exchange does not serve" => ((today, s) => TestIdentity.Adult(today, idCard: false, seed: s), "KP"),
            "someone whose ID card has expired" => ((today, s) => TestIdentity.WithExpiredDocument(today, seed: s), "CN"),
            "someone with an ID card in a region that accepts passports only" => ((today, s) => TestIdentity.Adult(today, seed: s), "US"),
            "someone who turns 18 tomorrow" => ((today, s) => TestIdentity.TurningEighteen(today, inDays: 1, seed: s), "CN"),
            "someone who turned 18 today" => ((today, s) => TestIdentity.TurningEighteen(today, inDays: 0, seed: s), "CN"),
            "someone whose ID card expires today" => ((today, s) => TestIdentity.WithDocumentExpiring(today, inDays: 0, seed: s), "CN"),
            "someone whose ID card expired yesterday" => ((today, s) => TestIdentity.WithDocumentExpiring(today, inDays: -1, seed: s), "CN"),
            _ => throw new ArgumentException($"No such person in the requirements table: '{who}'.", nameof(who)),
        };
        var identity = await documents.UseAsync(make);
        await retry.SubmitAndWaitAsync(identity.Details with { Region = region }, identity.Front(), identity.Back());
    }

    [Given(@"her ID card is already verified on another account")]
    public async Task GivenHerDocumentIsVerifiedElsewhere()
    {
        var identity = await documents.IdentityAsync();
        var other = await testData.CreateUserAsync(new NewUser(language.Locale, Verification: new VerificationSeed("rejected", [RejectionReason.PhotoBlurry.Code])));
        var answer = await app.SubmitAsync(await app.LogInAsync(other), identity.Details, identity.Front(), identity.Back());
        ((int)answer.Status).Should().Be(202, $"the other account's submission is accepted ({answer})");
        await testData.RunReviewsAsync(other.UserId);
        (await testData.GetVerificationAsync(other.UserId)).Status.Should().Be("approved", "the document must be verified on the other account first");
    }

    [Given(@"a user who has already tried (\d+) times today")]
    public async Task GivenAUserWhoTriedTimes(int times) =>
        await user.SeedAsync(testData, language, new VerificationSeed("rejected", [RejectionReason.PhotoBlurry.Code], AttemptsUsed: times));

    [Then(@"she is told that she tried too many times")]
    public async Task ThenSheIsToldSheTriedTooOften()
    {
        // The refusal on the page first: it follows the environment's answer, so the lock is recorded by then.
        await expectations.ExpectSubmissionRefusedAsync("attempts_exceeded");
        var record = await testData.GetVerificationAsync(user.Current.UserId);
        record.LockedUntil.Should().NotBeNull("a refused sixth try locks the verification");
        (record.LockedUntil!.Value - record.Now).Should().BeCloseTo(TimeSpan.FromHours(24), TimeSpan.FromMinutes(1), "the lock lasts 24 hours from the refused try");
        record.Attempts.Should().HaveCount(user.AttemptsAtStart, "the refused try is not an attempt");
        _lockedUntil = record.LockedUntil;
        await expectations.ExpectSubmissionRefusedAsync("attempts_exceeded", GuideVocabulary.For(user.Current.Locale).RefusedUntil(LockedUntil));
    }

    [Then(@"her verification page says when she can retry")]
    public async Task ThenThePageSaysWhen()
    {
        await actions.OpenStatusPageAsync();
        await expectations.ExpectLockedUntilAsync(LockedUntil);
    }

    [When(@"she comes back a minute before the lock lifts")]
    public async Task WhenSheComesBackJustBeforeTheLockLifts() => await ComeBackAtAsync(LockedUntil - TimeSpan.FromMinutes(1));

    [When(@"she comes back when the lock lifts")]
    public async Task WhenSheComesBackWhenTheLockLifts() => await ComeBackAtAsync(LockedUntil);

    [Then(@"the page no longer says that she tried too many times")]
    public async Task ThenTheLockIsGone() => await expectations.ExpectNotLockedAsync();

    [Given(@"a user whose verification is waiting for a review that is delayed")]
    public async Task GivenAPendingUserWithADelayedReview()
    {
        await user.SeedAsync(testData, language, new VerificationSeed("pending"));
        await testData.AddFaultAsync("review-outage", user.Current.UserId, count: 1000);
    }

    [When(@"she comes back a minute before a day has passed since she submitted")]
    public async Task WhenSheComesBackJustBeforeADay() => await ComeBackAtAsync(await PendingSinceAsync() + TimeSpan.FromHours(24) - TimeSpan.FromMinutes(1));

    [When(@"she comes back a minute after a day has passed since she submitted")]
    public async Task WhenSheComesBackJustAfterADay() => await ComeBackAtAsync(await PendingSinceAsync() + TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));

    [Then(@"she sees that her verification is still under review")]
    public async Task ThenStillUnderReview() => await expectations.ExpectStatusAsync("pending");

    [Then(@"she is not yet sent to customer support")]
    public async Task ThenNotYetSentToSupport() => await expectations.ExpectNotPendingTooLongAsync();

    [Then(@"she is told to contact customer support about the delay")]
    public async Task ThenSheIsToldToContactSupport() => await expectations.ExpectPendingTooLongAsync();

    private async Task<DateTimeOffset> PendingSinceAsync() =>
        (await testData.GetVerificationAsync(user.Current.UserId)).PendingSince ?? throw new InvalidOperationException("Her verification is not pending.");

    /// <summary>Her clock moved to that moment, and she opens her verification again, logged in, as a user coming back does.</summary>
    private async Task ComeBackAtAsync(DateTimeOffset moment)
    {
        await user.AdvanceClockToAsync(testData, moment);
        await loggedIn.StartAsync();
        await actions.OpenIdentityVerificationAsync();
    }
}
