using System.Net;
using KycE2E.Automation.Identity;
using KycE2E.Documents;

namespace KycE2E.IntegrationTests.Sandbox;

/// <summary>Every row of the design's reason table, produced by submitting real documents and details through the public API.</summary>
public sealed class ReviewReasonTests : SandboxTests
{
    [Test]
    public async Task A_clear_matching_adult_document_is_approved()
    {
        var record = await Sandbox.SubmitAndReviewAsync(TestIdentity.Adult(Today));

        record.Status.Should().Be("approved");
        record.Reasons.Should().BeEmpty();
    }

    [TestCase(PhotoVariant.Blurry, "PHOTO_BLURRY")]
    [TestCase(PhotoVariant.Glare, "PHOTO_GLARE")]
    [TestCase(PhotoVariant.Obscured, "PHOTO_OBSCURED")]
    [TestCase(PhotoVariant.Cropped, "PHOTO_OBSCURED")]
    [TestCase(PhotoVariant.Greyscale, "PHOTO_LOW_QUALITY")]
    [TestCase(PhotoVariant.Blurry, "DOCUMENT_UNREADABLE")]
    public async Task A_poor_photo_is_rejected_for_retry_with_its_reason(PhotoVariant variant, string reason)
    {
        var record = await Sandbox.SubmitAndReviewAsync(TestIdentity.Adult(Today), front: variant);

        record.Status.Should().Be("rejected");
        record.Reasons.Should().Contain(reason);
        record.RejectType.Should().Be("RETRY");
        record.CanRetry.Should().BeTrue();
    }

    [Test]
    public async Task An_ID_card_without_its_back_is_rejected_with_BACK_SIDE_MISSING()
    {
        var record = await Sandbox.SubmitAndReviewAsync(TestIdentity.Adult(Today), withBack: false);

        record.Reasons.Should().Equal("BACK_SIDE_MISSING");
        record.RejectType.Should().Be("RETRY");
        record.HighlightFields.Should().Equal("backImage");
    }

    [TestCase(HolderField.Name, "NAME_MISMATCH", "fullName")]
    [TestCase(HolderField.DocumentNumber, "ID_NUMBER_MISMATCH", "documentNumber")]
    public async Task Details_that_differ_from_the_document_are_rejected_with_the_mismatch(HolderField field, string reason, string highlighted)
    {
        var identity = TestIdentity.Adult(Today);

        var record = await Sandbox.SubmitAndReviewAsync(identity, identity.DetailsDifferingIn(field));

        record.Reasons.Should().Equal(reason);
        record.RejectType.Should().Be("RETRY");
        record.HighlightFields.Should().Equal(highlighted);
    }

    [Test]
    public async Task A_passport_with_another_date_of_birth_is_rejected_with_DOB_MISMATCH()
    {
        // On an ID card the number carries the birth date, so the form refuses the difference before any review.
        var identity = TestIdentity.Adult(Today, idCard: false);

        var record = await Sandbox.SubmitAndReviewAsync(identity, identity.DetailsDifferingIn(HolderField.DateOfBirth));

        record.Reasons.Should().Equal("DOB_MISMATCH");
        record.HighlightFields.Should().Equal("dateOfBirth");
    }

    [Test]
    public async Task An_expired_document_is_rejected_for_retry()
    {
        var record = await Sandbox.SubmitAndReviewAsync(TestIdentity.WithExpiredDocument(Today));

        record.Reasons.Should().Equal("DOCUMENT_EXPIRED");
        record.RejectType.Should().Be("RETRY");
    }

    [Test]
    public async Task An_ID_card_from_a_region_that_accepts_only_passports_is_not_accepted()
    {
        var record = await Sandbox.SubmitAndReviewAsync(TestIdentity.Adult(Today), region: "US");

        record.Reasons.Should().Equal("DOCUMENT_NOT_ACCEPTED");
        record.RejectType.Should().Be("RETRY");
    }

    [Test]
    public async Task An_underage_holder_is_rejected_for_good()
    {
        var record = await Sandbox.SubmitAndReviewAsync(TestIdentity.Underage(Today));

        record.Reasons.Should().Equal("UNDERAGE");
        record.RejectType.Should().Be("FINAL");
        record.CanRetry.Should().BeFalse();
    }

    [Test]
    public async Task A_blocked_region_is_rejected_for_good()
    {
        var record = await Sandbox.SubmitAndReviewAsync(TestIdentity.Adult(Today, idCard: false), region: "KP");

        record.Reasons.Should().Equal("REGION_NOT_SUPPORTED");
        record.RejectType.Should().Be("FINAL");
    }

    [Test]
    public async Task A_document_already_approved_on_another_account_is_a_duplicate()
    {
        var identity = TestIdentity.Adult(Today);
        (await Sandbox.SubmitAndReviewAsync(identity)).Status.Should().Be("approved");

        var second = await Sandbox.SubmitAndReviewAsync(identity);

        second.Reasons.Should().Equal("DUPLICATE_IDENTITY");
        second.RejectType.Should().Be("FINAL");
    }

    [Test]
    public async Task Every_reason_found_is_reported_in_the_fixed_order()
    {
        var identity = TestIdentity.Underage(Today, idCard: false);

        var record = await Sandbox.SubmitAndReviewAsync(identity, identity.DetailsDifferingIn(HolderField.Name), PhotoVariant.Glare, region: "KP");

        record.Reasons.Should().Equal("PHOTO_GLARE", "NAME_MISMATCH", "UNDERAGE", "REGION_NOT_SUPPORTED");
        record.RejectType.Should().Be("FINAL");
    }

    [Test]
    public async Task Every_review_result_is_notified_in_the_users_language()
    {
        var (user, token) = await Sandbox.RejectedUserAsync();
        var identity = TestIdentity.Adult(Today);
        await Sandbox.App.SubmitAsync(token, identity.Details, identity.Front(PhotoVariant.Glare), identity.Back());
        await Sandbox.TestData.RunReviewsAsync(user.UserId);

        var outbox = await Sandbox.TestData.OutboxAsync(user.UserId);

        outbox.Should().ContainSingle().Which.Should().Match<KycE2E.Automation.TestData.OutboxMessage>(m =>
            m.Recipient == user.Email && m.Status == "rejected" && m.Body.Contains("glare", StringComparison.OrdinalIgnoreCase));
    }

    [Test]
    public async Task Form_errors_are_answered_at_once_and_use_no_attempt()
    {
        var (user, token) = await Sandbox.RejectedUserAsync();
        var identity = TestIdentity.Adult(Today);
        var wrongCheck = identity.Details with { DocumentNumber = "110105194912310021", DateOfBirth = new DateOnly(1949, 12, 31) };

        var answer = await Sandbox.App.SubmitAsync(token, wrongCheck, identity.Front(), identity.Back());

        answer.Status.Should().Be(HttpStatusCode.BadRequest);
        answer.Json.GetProperty("errors").GetProperty("documentNumber").GetString().Should().Be("id_number_check");
        (await Sandbox.TestData.GetVerificationAsync(user.UserId)).AttemptsUsed.Should().Be(1, "only the seeded attempt");
    }
}
