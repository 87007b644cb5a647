using OpenQA.Selenium;
using KycE2E.Automation.Journeys;
using KycE2E.Automation.Identity;
using KycE2E.Automation.TestData;
using KycE2E.Documents;
using static KycE2E.Automation.Mobile.AppScreens;

namespace KycE2E.Automation.Mobile;

/// <summary>The guide's phone steps, through Appium: taps, typing, and explicit waits on what the app shows.</summary>
public sealed class MobileVerificationJourney(IWebDriver driver, Uri appUrl, TimeSpan timeout, string uploadDir) : IVerificationJourney
{
    private readonly Touch _touch = new(driver, timeout);
    private GuideVocabulary _words = GuideVocabulary.Chinese;

    public Journeys.Platform Platform => Journeys.Platform.Mobile;

    public Task LogInAsync(TestUser user)
    {
        _words = GuideVocabulary.For(user.Locale);
        driver.Navigate().GoToUrl(new Uri(appUrl, $"?lang={Uri.EscapeDataString(user.Locale)}#/login"));
        _touch.Type(Login.Email, "the e-mail field", user.Email);
        _touch.Type(Login.Password, "the password field", user.Password);
        _touch.Tap(Login.Submit, "the log-in button");
        _touch.Find(TabBar.Profile, "the tab bar after logging in");
        return Task.CompletedTask;
    }

    public Task OpenIdentityVerificationAsync()
    {
        _touch.Tap(TabBar.Profile, "the profile tab");
        ExpectText(Profile.PersonalCenter, _words.PersonalCenter, "the personal center entry");
        _touch.Tap(Profile.PersonalCenter, "the personal center entry");
        ExpectText(PersonalCenter.IdentityVerification, _words.IdentityVerification, "the identity verification entry");
        _touch.Tap(PersonalCenter.IdentityVerification, "the identity verification entry");
        return Task.CompletedTask;
    }

    public Task ExpectStatusAsync(string status)
    {
        _touch.Until(
            d => d.FindElements(VerificationStatus.Status).FirstOrDefault(e =>
                e.GetAttribute("data-status") == status && e.Text.Trim() == _words.Status(status)),
            $"the status '{_words.Status(status)}' ({status})");
        return Task.CompletedTask;
    }

    public Task ExpectReasonsAsync(IReadOnlyList<RejectionReason> reasons)
    {
        var expected = string.Join(", ", reasons.Select(r => r.Code));
        _touch.Until(
            d =>
            {
                var shown = d.FindElements(VerificationStatus.Reasons);
                return shown.Count == reasons.Count && shown.Select((e, i) =>
                        e.GetAttribute("data-reason") == reasons[i].Code &&
                        e.Text.Contains(_words.ReasonKeywords[reasons[i].Code], StringComparison.OrdinalIgnoreCase))
                    .All(ok => ok)
                    ? shown
                    : null;
            },
            $"exactly the reasons [{expected}] with their messages");
        return Task.CompletedTask;
    }

    public Task ExpectReasonAmongAsync(RejectionReason reason)
    {
        _touch.Until(
            d => d.FindElements(VerificationStatus.Reasons).FirstOrDefault(e =>
                e.GetAttribute("data-reason") == reason.Code && e.Text.Contains(_words.ReasonKeywords[reason.Code], StringComparison.OrdinalIgnoreCase)),
            $"the reason {reason.Code} with its message");
        return Task.CompletedTask;
    }

    public Task ExpectRetryOfferedAsync()
    {
        ExpectText(VerificationStatus.Retry, _words.Retry, "the retry button");
        _touch.Until(d => d.FindElements(VerificationStatus.ContactSupport).Count == 0, "no contact-support button");
        return Task.CompletedTask;
    }

    public Task ExpectSentToSupportAsync()
    {
        ExpectText(VerificationStatus.ContactSupport, _words.ContactSupport, "the contact-support link");
        _touch.Until(d => d.FindElements(VerificationStatus.Retry).Count == 0, "no retry button");
        return Task.CompletedTask;
    }

    public Task ExpectHighlightedAsync(string field)
    {
        _touch.Until(d => d.FindElements(TestId($"field-{field}-group")).Any(e => e.GetAttribute("data-highlighted") == "true"), $"the {field} field highlighted");
        return Task.CompletedTask;
    }

    public Task ExpectPrefilledWithoutPhotosAsync(FormDetails last)
    {
        var expected = new Dictionary<string, string>
        {
            ["region"] = last.Region,
            ["documentType"] = last.DocumentType,
            ["fullName"] = last.FullName,
            ["documentNumber"] = last.DocumentNumber,
            ["dateOfBirth"] = last.DateOfBirthText,
            ["frontImage"] = "",
        };
        foreach (var (field, value) in expected)
        {
            _touch.Until(d => d.FindElements(VerificationForm.Field(field)).Any(e => (e.GetDomProperty("value") ?? "") == value), $"the {field} field to hold '{value}'");
        }

        return Task.CompletedTask;
    }

    public Task RetryAsync()
    {
        _touch.Tap(VerificationStatus.Retry, "the retry button");
        return Task.CompletedTask;
    }

    public Task ExpectVerificationFormAsync()
    {
        _touch.Find(VerificationForm.Form, "the verification form");
        return Task.CompletedTask;
    }

    public Task EnterDetailsAsync(FormDetails details)
    {
        // A phone's native pickers (select, date) are not automatable in a browser: set them as the picker would.
        Pick(VerificationForm.Field("region"), details.Region);
        Pick(VerificationForm.Field("documentType"), details.DocumentType);
        _touch.Type(VerificationForm.Field("fullName"), "the name field", details.FullName);
        _touch.Type(VerificationForm.Field("documentNumber"), "the document number field", details.DocumentNumber);
        Pick(VerificationForm.Field("dateOfBirth"), details.DateOfBirthText);
        return Task.CompletedTask;
    }

    public Task ChoosePhotosAsync(DocumentPhoto front, DocumentPhoto? back)
    {
        Choose("frontImage", front);
        if (back is not null)
        {
            Choose("backImage", back);
        }

        return Task.CompletedTask;
    }

    public Task CheckAndSubmitAsync()
    {
        _touch.Tap(VerificationForm.Next, "the next button");
        // The app checks what it can before the check step; a mistake it finds keeps the user on the form.
        var stayed = _touch.Until(
            d => d.FindElements(VerificationForm.CheckStep).Any(e => e.Displayed) ? "check"
                : d.FindElements(VerificationForm.AnyFieldError).Any(e => e.Displayed) ? "errors" : null,
            "the check step, or the form's errors");
        if (stayed == "check")
        {
            ExpectText(VerificationForm.Submit, _words.Submit, "the submit button");
            _touch.Tap(VerificationForm.Submit, "the submit button");
        }

        return Task.CompletedTask;
    }

    public Task ExpectFormErrorAsync(string field, string code)
    {
        _touch.Until(d => d.FindElements(VerificationForm.Error(field)).Any(e => e.Displayed && e.GetAttribute("data-error") == code), $"the error '{code}' beside {field}");
        _touch.Until(d => d.FindElements(VerificationForm.Field(field)).Any(e => e.GetAttribute("aria-invalid") == "true"), $"{field} marked invalid");
        return Task.CompletedTask;
    }

    public Task ExpectUploadFailedAsync()
    {
        ExpectText(VerificationForm.UploadError, _words.UploadFailed, "the upload error");
        return Task.CompletedTask;
    }

    public Task ExpectCheckShowsAsync(FormDetails details)
    {
        ExpectText(VerificationForm.Check("fullName"), details.FullName, "the checked name");
        ExpectText(VerificationForm.Check("documentNumber"), details.DocumentNumber, "the checked document number");
        _touch.Until(d => d.FindElements(VerificationForm.Check("dateOfBirth")).Any(e => e.GetAttribute("data-value") == details.DateOfBirthText), "the checked date of birth");
        return Task.CompletedTask;
    }

    public Task SubmitAgainAsync()
    {
        _touch.Tap(VerificationForm.Submit, "the submit button");
        return Task.CompletedTask;
    }

    public Task ExpectSubmissionRefusedAsync(string code)
    {
        _touch.Until(d => d.FindElements(VerificationForm.FormError).Any(e => e.Displayed && e.GetAttribute("data-code") == code), $"the form refusing with '{code}'");
        return Task.CompletedTask;
    }

    public Task OpenStatusPageAsync()
    {
        driver.Navigate().GoToUrl(new Uri(appUrl, "#/verification"));
        return Task.CompletedTask;
    }

    public Task ExpectLockedUntilAsync()
    {
        _touch.Until(d => d.FindElements(VerificationStatus.LockedUntil).Any(e => e.Displayed && (e.GetAttribute("data-locked-until") ?? "").Contains('T', StringComparison.Ordinal)), "the time retry opens again");
        return Task.CompletedTask;
    }

    public Task ExpectPendingTooLongAsync()
    {
        _touch.Find(VerificationStatus.PendingTooLong, "the note that the review takes long");
        ExpectText(VerificationStatus.ContactSupport, _words.ContactSupport, "the contact-support link");
        return Task.CompletedTask;
    }

    public async Task ExpectPendingAsync()
    {
        await ExpectStatusAsync("pending");
        _touch.Find(VerificationStatus.PendingNote, "the note to wait for the review");
        _touch.Until(
            d => d.FindElements(VerificationStatus.ExpectedReviewTime).FirstOrDefault(e => (e.GetAttribute("data-expected-review-by") ?? "").Contains('T', StringComparison.Ordinal)),
            "the expected review time");
    }

    public Task ReloadStatusAsync()
    {
        driver.Navigate().Refresh();
        return Task.CompletedTask;
    }

    private void Choose(string field, DocumentPhoto photo)
    {
        Directory.CreateDirectory(uploadDir);
        var path = Path.Combine(uploadDir, $"{field}-{Guid.NewGuid():N}.{(photo.Format == PhotoFormat.Jpeg ? "jpg" : "png")}");
        File.WriteAllBytes(path, photo.Bytes.ToArray());
        var input = _touch.Until(d => d.FindElements(VerificationForm.Field(field)).FirstOrDefault(), $"the {field} picker");
        input.SendKeys(path); // what the camera or gallery hands the app
        _touch.Find(VerificationForm.Preview(field), $"the preview of {field}");
    }

    private void Pick(By locator, string value)
    {
        var element = _touch.Until(d => d.FindElements(locator).FirstOrDefault(e => e.Displayed), $"the picker {locator}");
        ((IJavaScriptExecutor)driver).ExecuteScript(
            "const el = arguments[0]; el.value = arguments[1]; el.dispatchEvent(new Event('input', {bubbles: true})); el.dispatchEvent(new Event('change', {bubbles: true}));",
            element, value);
    }

    private void ExpectText(By locator, string text, string what) =>
        _touch.Until(d => d.FindElements(locator).FirstOrDefault(e => e.Displayed && e.Text.Contains(text, StringComparison.Ordinal)), $"{what} reading '{text}'");
}
