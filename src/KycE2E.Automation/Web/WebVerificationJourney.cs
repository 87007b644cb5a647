using System.Text.RegularExpressions;
using Microsoft.Playwright;
using KycE2E.Automation.Journeys;
using KycE2E.Automation.Identity;
using KycE2E.Automation.TestData;
using KycE2E.Documents;
using static Microsoft.Playwright.Assertions;

namespace KycE2E.Automation.Web;

/// <summary>The guide's web steps, in Playwright; assertions are web-first (they retry until true).</summary>
public sealed class WebVerificationJourney(IPage page) : IVerificationJourney
{
    private readonly LoginPage _login = new(page);
    private readonly PortalHeader _header = new(page);
    private readonly PersonalCenterPage _center = new(page);
    private readonly VerificationStatusPage _status = new(page);
    private readonly VerificationFormPage _form = new(page);
    private GuideVocabulary _words = GuideVocabulary.Chinese;

    public Platform Platform => Platform.Web;

    public async Task LogInAsync(TestUser user)
    {
        _words = GuideVocabulary.For(user.Locale);
        await _login.OpenAsync(user.Locale);
        await _login.Email.FillAsync(user.Email);
        await _login.Password.FillAsync(user.Password);
        await _login.Submit.ClickAsync();
        await Expect(_header.Avatar).ToBeVisibleAsync();
    }

    public async Task OpenIdentityVerificationAsync()
    {
        await _header.Avatar.ClickAsync();
        await Expect(_header.PersonalCenter).ToHaveTextAsync(_words.PersonalCenter);
        await _header.PersonalCenter.ClickAsync();
        await Expect(_center.IdentityVerification).ToHaveTextAsync(_words.IdentityVerification);
        await _center.IdentityVerification.ClickAsync();
    }

    public async Task ExpectStatusAsync(string status)
    {
        await Expect(_status.Status).ToHaveAttributeAsync("data-status", status);
        await Expect(_status.Status).ToHaveTextAsync(_words.Status(status));
    }

    public async Task ExpectReasonsAsync(IReadOnlyList<RejectionReason> reasons)
    {
        await Expect(_status.Reasons).ToHaveCountAsync(reasons.Count);
        for (var i = 0; i < reasons.Count; i++)
        {
            var shown = _status.Reasons.Nth(i);
            await Expect(shown).ToHaveAttributeAsync("data-reason", reasons[i].Code);
            await Expect(shown).ToContainTextAsync(new Regex(Regex.Escape(_words.ReasonKeywords[reasons[i].Code]), RegexOptions.IgnoreCase));
        }
    }

    public async Task ExpectReasonAmongAsync(RejectionReason reason)
    {
        var shown = page.Locator($"[data-testid='rejection-reason'][data-reason='{reason.Code}']");
        await Expect(shown).ToBeVisibleAsync();
        await Expect(shown).ToContainTextAsync(new Regex(Regex.Escape(_words.ReasonKeywords[reason.Code]), RegexOptions.IgnoreCase));
    }

    public async Task ExpectRetryOfferedAsync()
    {
        await Expect(_status.Retry).ToBeVisibleAsync();
        await Expect(_status.Retry).ToHaveTextAsync(_words.Retry);
        await Expect(_status.ContactSupport).ToHaveCountAsync(0);
    }

    public async Task ExpectSentToSupportAsync()
    {
        await Expect(_status.ContactSupport).ToBeVisibleAsync();
        await Expect(_status.ContactSupport).ToHaveTextAsync(_words.ContactSupport);
        await Expect(_status.Retry).ToHaveCountAsync(0);
    }

    public async Task ExpectHighlightedAsync(string field) =>
        await Expect(_form.FieldGroup(field)).ToHaveAttributeAsync("data-highlighted", "true");

    public async Task ExpectPrefilledWithoutPhotosAsync(FormDetails last)
    {
        await Expect(_form.Field("region")).ToHaveValueAsync(last.Region);
        await Expect(_form.Field("documentType")).ToHaveValueAsync(last.DocumentType);
        await Expect(_form.Field("fullName")).ToHaveValueAsync(last.FullName);
        await Expect(_form.Field("documentNumber")).ToHaveValueAsync(last.DocumentNumber);
        await Expect(_form.Field("dateOfBirth")).ToHaveValueAsync(last.DateOfBirthText);
        await Expect(_form.Field("frontImage")).ToHaveValueAsync("");
        await Expect(_form.Field("backImage")).ToHaveValueAsync("");
    }

    public async Task RetryAsync() => await _status.Retry.ClickAsync();

    public async Task ExpectVerificationFormAsync() => await Expect(_form.Form).ToBeVisibleAsync();

    public async Task EnterDetailsAsync(FormDetails details)
    {
        await _form.Field("region").SelectOptionAsync(details.Region);
        await _form.Field("documentType").SelectOptionAsync(details.DocumentType);
        await _form.Field("fullName").FillAsync(details.FullName);
        await _form.Field("documentNumber").FillAsync(details.DocumentNumber);
        await _form.Field("dateOfBirth").FillAsync(details.DateOfBirthText);
    }

    public async Task ChoosePhotosAsync(DocumentPhoto front, DocumentPhoto? back)
    {
        await _form.Field("frontImage").SetInputFilesAsync(Payload("front", front));
        await Expect(_form.Preview("frontImage")).ToBeVisibleAsync();
        if (back is not null)
        {
            await _form.Field("backImage").SetInputFilesAsync(Payload("back", back));
            await Expect(_form.Preview("backImage")).ToBeVisibleAsync();
        }
    }

    public async Task CheckAndSubmitAsync()
    {
        await _form.Next.ClickAsync();
        await Expect(_form.CheckStep).ToBeVisibleAsync();
        await Expect(_form.Submit).ToHaveTextAsync(_words.Submit);
        await _form.Submit.ClickAsync();
    }

    public async Task ExpectPendingAsync()
    {
        await ExpectStatusAsync("pending");
        await Expect(_status.PendingNote).ToBeVisibleAsync();
        await Expect(_status.ExpectedReviewTime).ToHaveAttributeAsync("data-expected-review-by", new Regex(@"^\d{4}-\d{2}-\d{2}T"));
    }

    public async Task ReloadStatusAsync() => await page.ReloadAsync();

    public async Task SetOfflineAsync(bool offline) => await page.Context.SetOfflineAsync(offline);

    public async Task ExpectFormErrorAsync(string field, string code)
    {
        await Expect(_form.Error(field)).ToBeVisibleAsync();
        await Expect(_form.Error(field)).ToHaveAttributeAsync("data-error", code);
        await Expect(_form.Field(field)).ToHaveAttributeAsync("aria-invalid", "true");
    }

    public async Task ExpectUploadFailedAsync()
    {
        await Expect(_form.UploadError).ToBeVisibleAsync();
        await Expect(_form.UploadError).ToContainTextAsync(_words.UploadFailed);
    }

    public async Task ExpectCheckShowsAsync(FormDetails details)
    {
        await Expect(_form.Check("fullName")).ToHaveTextAsync(details.FullName);
        await Expect(_form.Check("documentNumber")).ToHaveTextAsync(details.DocumentNumber);
        await Expect(_form.Check("dateOfBirth")).ToHaveTextAsync(details.DateOfBirthText);
        await Expect(_form.Field("frontImage")).Not.ToHaveValueAsync("");
    }

    public async Task SubmitAgainAsync() => await _form.Submit.ClickAsync();

    public async Task ExpectSubmissionRefusedAsync(string code)
    {
        await Expect(_form.FormError).ToBeVisibleAsync();
        await Expect(_form.FormError).ToHaveAttributeAsync("data-code", code);
    }

    public async Task OpenStatusPageAsync() => await page.GotoAsync("account/verification");

    public async Task ExpectLockedUntilAsync() =>
        await Expect(_status.LockedUntil).ToHaveAttributeAsync("data-locked-until", new Regex(@"^\d{4}-\d{2}-\d{2}T"));

    public async Task ExpectPendingTooLongAsync()
    {
        await Expect(_status.PendingTooLong).ToBeVisibleAsync();
        await Expect(_status.ContactSupport).ToHaveTextAsync(_words.ContactSupport);
    }

    private static FilePayload Payload(string side, DocumentPhoto photo) => new()
    {
        Name = $"{side}.{(photo.Format == PhotoFormat.Jpeg ? "jpg" : "png")}",
        MimeType = photo.MediaType,
        Buffer = photo.Bytes.ToArray(),
    };
}
