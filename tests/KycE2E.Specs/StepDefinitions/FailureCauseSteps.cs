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
    IVerificationJourney journey,
    RetrySubmissionSteps submission)
{
    [When(@"she retries with (an ID number whose check character is wrong|a date of birth that is not the one in her ID number|no photo of the back of her ID card)")]
    public async Task WhenSheRetriesWithAMistakeTheFormSees(string mistake)
    {
        var identity = await documents.IdentityAsync();
        var details = identity.Details;
        switch (mistake)
        {
            case "an ID number whose check character is wrong":
                var wrong = "10X98765432".First(c => c != ChineseIdNumber.CheckCharacter(details.DocumentNumber.AsSpan(0, 17)));
                await submission.RetryAsync(details with { DocumentNumber = details.DocumentNumber[..17] + wrong }, identity.Front(), identity.Back());
                break;
            case "a date of birth that is not the one in her ID number":
                await submission.RetryAsync(details with { DateOfBirth = details.DateOfBirth.AddDays(1) }, identity.Front(), identity.Back());
                break;
            default:
                await submission.RetryAsync(details, identity.Front(), back: null);
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
        await journey.ExpectFormErrorAsync(field, code);
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
    public async Task ThenSheIsToldTheUploadFailed() => await journey.ExpectUploadFailedAsync();

    [Then(@"nothing she entered is lost")]
    public async Task ThenNothingIsLost() => await journey.ExpectCheckShowsAsync(documents.LastSubmitted!);

    [When(@"she retries with her details exactly as on her ID card and sharp photos, while her device is offline")]
    public async Task WhenSheRetriesOffline()
    {
        var identity = await documents.IdentityAsync();
        await submission.FillRetryAsync(identity.Details, identity.Front(), identity.Back());
        await journey.SetOfflineAsync(true);
        await journey.CheckAndSubmitAsync();
    }

    [When(@"her device is back online and she submits again")]
    public async Task WhenSheIsBackOnline()
    {
        await journey.SetOfflineAsync(false);
        await journey.SubmitAgainAsync();
    }

    [When(@"she submits again")]
    public async Task WhenSheSubmitsAgain() => await journey.SubmitAgainAsync();

    [When(@"she retries as (.+)")]
    public async Task WhenSheRetriesAs(string who)
    {
        var today = DateOnly.FromDateTime((await testData.NowAsync()).UtcDateTime);
        var (identity, region) = who switch
        {
            "someone under 18 by the birth date in her ID number" => (TestIdentity.Underage(today), "CN"),
            "a resident of a region the exchange does not serve" => (TestIdentity.Adult(today, idCard: false), "KP"),
            "someone whose ID card has expired" => (TestIdentity.WithExpiredDocument(today), "CN"),
            "someone with an ID card in a region that accepts passports only" => (TestIdentity.Adult(today), "US"),
            _ => throw new ArgumentException($"No such person in the requirements table: '{who}'.", nameof(who)),
        };
        await submission.RetryAsync(identity.Details with { Region = region }, identity.Front(), identity.Back());
        await journey.ExpectPendingAsync();
    }

    [Given(@"a user who has already tried (\d+) times today")]
    public async Task GivenAUserWhoTriedTimes(int times) =>
        await user.SeedAsync(testData, language, new VerificationSeed("rejected", [RejectionReason.PhotoBlurry.Code], AttemptsUsed: times));

    [Then(@"she is told that she tried too many times")]
    public async Task ThenSheIsToldSheTriedTooOften() => await journey.ExpectSubmissionRefusedAsync("attempts_exceeded");

    [Then(@"her verification page says when she can retry")]
    public async Task ThenThePageSaysWhen()
    {
        await journey.OpenStatusPageAsync();
        await journey.ExpectLockedUntilAsync();
    }

    [When(@"she comes back a day later")]
    public async Task WhenSheComesBackADayLater()
    {
        await testData.AdvanceClockAsync(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(5), user.Current.UserId);
        await journey.LogInAsync(user.Current);
        await journey.OpenIdentityVerificationAsync();
    }

    [Given(@"a user whose verification is waiting for a review that is delayed")]
    public async Task GivenAPendingUserWithADelayedReview()
    {
        await user.SeedAsync(testData, language, new VerificationSeed("pending"));
        await testData.AddFaultAsync("review-outage", user.Current.UserId, count: 1000);
    }

    [Then(@"she sees that her verification is still under review")]
    public async Task ThenStillUnderReview() => await journey.ExpectStatusAsync("pending");

    [Then(@"she is told to contact customer support about the delay")]
    public async Task ThenSheIsToldToContactSupport() => await journey.ExpectPendingTooLongAsync();
}
