using FluentAssertions;
using KycE2E.Automation.Identity;
using KycE2E.Automation.Journeys;
using KycE2E.Automation.TestData;
using KycE2E.Documents;
using KycE2E.Specs.Support;
using TechTalk.SpecFlow;

namespace KycE2E.Specs.StepDefinitions;

/// <summary>Guide steps 4–6 and what follows: details and photos again, check, submit, wait, result.</summary>
[Binding]
public sealed class RetrySubmissionSteps(ScenarioUser user, ScenarioDocuments documents, TestDataClient testData, IVerificationJourney journey)
{
    /// <summary>A form field as a feature names it.</summary>
    public sealed record DetailField(string FormField, HolderField HolderField);

    [StepArgumentTransformation(@"(name|ID number|date of birth)")]
    public static DetailField Field(string phrase) => phrase switch
    {
        "name" => new DetailField("fullName", HolderField.Name),
        "ID number" => new DetailField("documentNumber", HolderField.DocumentNumber),
        _ => new DetailField("dateOfBirth", HolderField.DateOfBirth),
    };

    [StepArgumentTransformation(@"(sharp|blurry|glared|covered|cropped)")]
    public static PhotoVariant Photo(string phrase) => phrase switch
    {
        "sharp" => PhotoVariant.Clear,
        "blurry" => PhotoVariant.Blurry,
        "glared" => PhotoVariant.Glare,
        "covered" => PhotoVariant.Obscured,
        _ => PhotoVariant.Cropped,
    };

    [When(@"she enters her details exactly as on her ID card")]
    public async Task WhenSheEntersHerDetails() => await EnterAsync((await documents.IdentityAsync()).Details);

    [When(@"she uploads sharp photos of both sides of her ID card")]
    public async Task WhenSheUploadsSharpPhotos()
    {
        var identity = await documents.IdentityAsync();
        await journey.ChoosePhotosAsync(identity.Front(), identity.Back());
    }

    [When(@"she checks her details and submits them")]
    public async Task WhenSheChecksAndSubmits() => await journey.CheckAndSubmitAsync();

    [When(@"she retries with her details exactly as on her ID card and a (blurry|glared|covered|cropped) photo of the front")]
    public async Task WhenSheRetriesWithAnUnclearPhoto(PhotoVariant photo)
    {
        var identity = await documents.IdentityAsync();
        await RetryAndSubmitAsync(identity.Details, identity.Front(photo), identity.Back());
    }

    [When(@"she retries with her (ID card|passport) and a mistake in her (name|ID number|date of birth)")]
    public async Task WhenSheRetriesWithAMistake(string document, DetailField field)
    {
        var identity = await documents.IdentityAsync(idCard: document == "ID card");
        await RetryAndSubmitAsync(identity.DetailsDifferingIn(field.HolderField), identity.Front(), identity.Back());
    }

    [Then(@"she is asked to wait for the review, with the time it is expected by")]
    public async Task ThenSheIsAskedToWait() => await journey.ExpectPendingAsync();

    [When(@"the review has run")]
    public async Task WhenTheReviewHasRun()
    {
        await testData.AdvanceClockAsync(TimeSpan.FromMinutes(3), user.Current.UserId);
        await journey.ReloadStatusAsync();
    }

    [Then(@"she sees that her verification is approved")]
    public async Task ThenSheSeesApproved() => await journey.ExpectStatusAsync("approved");

    [Then(@"she is notified that her verification was approved")]
    public async Task ThenSheIsNotified()
    {
        var outbox = await testData.OutboxAsync(user.Current.UserId);
        outbox.Should().ContainSingle(m => m.Status == "approved" && m.Recipient == user.Current.Email);
    }

    [Then(@"her (name|ID number|date of birth) is highlighted for correction")]
    public async Task ThenTheFieldIsHighlighted(DetailField field) => await journey.ExpectHighlightedAsync(field.FormField);

    [Then(@"her last details are filled in again, without the photos")]
    public async Task ThenHerLastDetailsArePrefilled() =>
        await journey.ExpectPrefilledWithoutPhotosAsync(documents.LastSubmitted ?? throw new InvalidOperationException("Nothing was submitted in this scenario."));

    private async Task EnterAsync(FormDetails details)
    {
        await journey.EnterDetailsAsync(details);
        documents.LastSubmitted = details;
    }

    [When(@"she retries with her details exactly as on her ID card and sharp photos")]
    public async Task WhenSheRetriesWithSharpPhotos()
    {
        var identity = await documents.IdentityAsync();
        await RetryAsync(identity.Details, identity.Front(), identity.Back());
    }

    /// <summary>Retry, then the form filled in: details and photos, not yet submitted.</summary>
    internal async Task FillRetryAsync(FormDetails details, DocumentPhoto front, DocumentPhoto? back)
    {
        await journey.RetryAsync();
        await EnterAsync(details);
        await journey.ChoosePhotosAsync(front, back);
    }

    internal async Task RetryAsync(FormDetails details, DocumentPhoto front, DocumentPhoto? back)
    {
        await FillRetryAsync(details, front, back);
        await journey.CheckAndSubmitAsync();
    }

    private async Task RetryAndSubmitAsync(FormDetails details, DocumentPhoto front, DocumentPhoto? back)
    {
        await RetryAsync(details, front, back);
        await journey.ExpectPendingAsync();
    }
}
