using FluentAssertions;
using KycE2E.Automation.Journeys;
using KycE2E.Automation.TestData;
using KycE2E.Documents;
using KycE2E.Specs.Support;
using TechTalk.SpecFlow;

namespace KycE2E.Specs.StepDefinitions;

/// <summary>Guide steps 4–6 and what follows: details and photos again, check, submit, wait, result.</summary>
[Binding]
public sealed class RetrySubmissionSteps(ScenarioUser user, ScenarioDocuments documents, TestDataClient testData, IVerificationActions actions, IVerificationExpectations expectations, RetryActions retry)
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

    [StepArgumentTransformation(@"(sharp|blurry|glared|covered|cropped|black-and-white)")]
    public static PhotoVariant Photo(string phrase) => phrase switch
    {
        "sharp" => PhotoVariant.Clear,
        "blurry" => PhotoVariant.Blurry,
        "glared" => PhotoVariant.Glare,
        "covered" => PhotoVariant.Obscured,
        "cropped" => PhotoVariant.Cropped,
        _ => PhotoVariant.Greyscale,
    };

    [When(@"she enters her details exactly as on her ID card")]
    public async Task WhenSheEntersHerDetails() => await retry.EnterAsync((await documents.IdentityAsync()).Details);

    [When(@"she uploads sharp photos of both sides of her ID card")]
    public async Task WhenSheUploadsSharpPhotos()
    {
        var identity = await documents.IdentityAsync();
        await actions.ChoosePhotosAsync(identity.Front(), identity.Back());
    }

    [When(@"she checks her details and submits them")]
    public async Task WhenSheChecksAndSubmits() => await actions.CheckAndSubmitAsync();

    [When(@"she retries with her (ID card|passport), her details exactly as on it and a (blurry|glared|covered|cropped|black-and-white) photo of the front")]
    public async Task WhenSheRetriesWithAnUnclearPhoto(string document, PhotoVariant photo)
    {
        var identity = await documents.IdentityAsync(idCard: document == "ID card");
        await retry.SubmitAndWaitAsync(identity.Details, identity.Front(photo), identity.Back());
    }

    [When(@"she retries with her (ID card|passport) and a mistake in her (name|ID number|date of birth)")]
    public async Task WhenSheRetriesWithAMistake(string document, DetailField field)
    {
        var identity = await documents.IdentityAsync(idCard: document == "ID card");
        await retry.SubmitAndWaitAsync(identity.DetailsDifferingIn(field.HolderField), identity.Front(), identity.Back());
    }

    [When(@"she retries with her ID card and one character in the middle of her name wrong")]
    public async Task WhenSheRetriesWithTheNameWrongInTheMiddle()
    {
        var identity = await documents.IdentityAsync();
        await retry.SubmitAndWaitAsync(identity.DetailsWithNameChangedInTheMiddle(), identity.Front(), identity.Back());
    }

    [When(@"she retries with her passport and her name in pinyin, given name first")]
    public async Task WhenSheRetriesWithTheLatinNameGivenNameFirst()
    {
        var identity = await documents.IdentityAsync(idCard: false);
        await retry.SubmitAndWaitAsync(identity.DetailsWithLatinNameGivenNameFirst(), identity.Front(), identity.Back());
    }

    [When(@"she retries with her details exactly as on her ID card and sharp photos")]
    public async Task WhenSheRetriesWithSharpPhotos()
    {
        var identity = await documents.IdentityAsync();
        await retry.SubmitAsync(identity.Details, identity.Front(), identity.Back());
    }

    [Then(@"she is asked to wait for the review, with the time it is expected by")]
    public async Task ThenSheIsAskedToWait() => await retry.ExpectPendingAsync();

    [When(@"the review has run")]
    public async Task WhenTheReviewHasRun() => await retry.ReviewHasRunAsync();

    [Then(@"she sees that her verification is approved")]
    public async Task ThenSheSeesApproved() => await expectations.ExpectStatusAsync("approved");

    [Then(@"she is notified that her verification was approved")]
    public async Task ThenSheIsNotifiedOfTheApproval() => await ExpectNotifiedAsync("approved", []);

    [Then(@"she is notified that her verification failed because (.+)")]
    public async Task ThenSheIsNotifiedOfTheRejection(ReasonList reasons) => await ExpectNotifiedAsync("rejected", reasons.Items);

    [Then(@"her (name|ID number|date of birth) is highlighted for correction")]
    public async Task ThenTheFieldIsHighlighted(DetailField field) => await expectations.ExpectHighlightedAsync(field.FormField);

    [Then(@"her last details are filled in again, without the photos")]
    public async Task ThenHerLastDetailsArePrefilled() =>
        await expectations.ExpectPrefilledWithoutPhotosAsync(documents.LastSubmitted ?? throw new InvalidOperationException("Nothing was submitted in this scenario."));

    /// <summary>Exactly one e-mail about this review, to her, saying this result in her language and nothing that contradicts it.</summary>
    private async Task ExpectNotifiedAsync(string status, IReadOnlyList<RejectionReason> reasons)
    {
        var words = GuideVocabulary.For(user.Current.Locale);
        var outbox = await testData.OutboxAsync(user.Current.UserId);
        var message = outbox.Should().ContainSingle("one review, one message").Which;
        message.Status.Should().Be(status);
        message.Recipient.Should().Be(user.Current.Email);
        message.Subject.Should().Be($"{words.Messages.NotificationSubject}: {words.Status(status)}");
        message.Body.Should().Be(words.Notification(status, reasons));
    }
}
