using OpenQA.Selenium;
using KycE2E.Automation.Identity;
using KycE2E.Automation.Journeys;
using KycE2E.Automation.TestData;
using KycE2E.Documents;
using static KycE2E.Automation.Mobile.AppScreens;

namespace KycE2E.Automation.Mobile;

/// <summary>The guide's phone steps, through Appium: taps, typing, and explicit waits on what the app shows.</summary>
public sealed class MobileVerificationJourney(MobileSession session, TimeSpan timeout, string uploadDir) : IVerificationJourney
{
    private readonly OpenQA.Selenium.Remote.RemoteWebDriver _driver = session.Driver;
    private readonly Touch _touch = new(session.Driver, timeout, session.Locators);
    private GuideVocabulary _words = GuideVocabulary.Chinese;

    public Journeys.Platform Platform => Journeys.Platform.Mobile;

    public Task LogInAsync(TestUser user)
    {
        _words = GuideVocabulary.For(user.Locale);
        session.Open($"?lang={Uri.EscapeDataString(user.Locale)}#/login");
        _touch.Type(Login.Email, user.Email);
        _touch.Type(Login.Password, user.Password);
        _touch.Tap(Login.Submit);
        _touch.Find(TabBar.Profile);
        return Task.CompletedTask;
    }

    public Task OpenIdentityVerificationAsync()
    {
        _touch.Tap(TabBar.Profile);
        _touch.ExpectText(Profile.PersonalCenter, _words.PersonalCenter);
        _touch.Tap(Profile.PersonalCenter);
        _touch.ExpectText(PersonalCenter.IdentityVerification, _words.IdentityVerification);
        _touch.Tap(PersonalCenter.IdentityVerification);
        return Task.CompletedTask;
    }

    public Task ExpectStatusAsync(string status)
    {
        _touch.Until(
            d => _touch.All(d, VerificationStatus.Status).FirstOrDefault(e =>
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
                var shown = _touch.All(d, VerificationStatus.Reasons);
                return shown.Count == reasons.Count && shown.Select((e, i) => Shows(e, reasons[i])).All(ok => ok) ? shown : null;
            },
            $"exactly the reasons [{expected}] with their messages");
        return Task.CompletedTask;
    }

    public Task ExpectReasonAmongAsync(RejectionReason reason)
    {
        _touch.Until(d => _touch.All(d, VerificationStatus.Reasons).FirstOrDefault(e => Shows(e, reason)), $"the reason {reason.Code} with its message");
        return Task.CompletedTask;
    }

    public Task ExpectRetryOfferedAsync()
    {
        _touch.ExpectText(VerificationStatus.Retry, _words.Retry);
        _touch.Until(d => _touch.All(d, VerificationStatus.ContactSupport).Count == 0, "no contact-support link");
        return Task.CompletedTask;
    }

    public Task ExpectSentToSupportAsync()
    {
        _touch.ExpectText(VerificationStatus.ContactSupport, _words.ContactSupport);
        _touch.Until(d => _touch.All(d, VerificationStatus.Retry).Count == 0, "no retry button");
        return Task.CompletedTask;
    }

    public Task RetryAsync()
    {
        _touch.Tap(VerificationStatus.Retry);
        return Task.CompletedTask;
    }

    public Task ExpectVerificationFormAsync()
    {
        _touch.Find(VerificationForm.Form);
        return Task.CompletedTask;
    }

    public Task ExpectHighlightedAsync(string field)
    {
        _touch.ExpectAttribute(VerificationForm.FieldGroup(field), "data-highlighted", v => v == "true", "the highlight");
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
            _touch.Until(d => _touch.All(d, VerificationForm.Field(field)).Any(e => (e.GetDomProperty("value") ?? "") == value), $"the {field} field to hold '{value}'");
        }

        return Task.CompletedTask;
    }

    public Task EnterDetailsAsync(FormDetails details)
    {
        // A phone's native pickers (select, date) cannot be automated in a browser: set them as the picker would.
        Pick(VerificationForm.Field("region"), details.Region);
        Pick(VerificationForm.Field("documentType"), details.DocumentType);
        _touch.Type(VerificationForm.Field("fullName"), details.FullName);
        _touch.Type(VerificationForm.Field("documentNumber"), details.DocumentNumber);
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
        _touch.Tap(VerificationForm.Next);
        // The app checks what it can before the check step; a mistake it finds keeps the user on the form.
        var reached = _touch.Until(
            d => _touch.All(d, VerificationForm.CheckStep).Any(e => e.Displayed) ? "check"
                : d.FindElements(By.CssSelector("[data-testid^='error-']")).Any(e => e.Displayed) ? "errors" : null,
            "the check step, or the form's errors");
        if (reached == "check")
        {
            _touch.ExpectText(VerificationForm.Submit, _words.Submit);
            _touch.Tap(VerificationForm.Submit);
        }

        return Task.CompletedTask;
    }

    public async Task ExpectPendingAsync()
    {
        await ExpectStatusAsync("pending");
        _touch.Find(VerificationStatus.PendingNote);
        _touch.ExpectAttribute(VerificationStatus.ExpectedReviewTime, "data-expected-review-by", v => v.Contains('T', StringComparison.Ordinal), "a date and time");
    }

    public Task ReloadStatusAsync()
    {
        _driver.Navigate().Refresh();
        return Task.CompletedTask;
    }

    public Task ExpectFormErrorAsync(string field, string code)
    {
        _touch.Until(d => _touch.All(d, VerificationForm.Error(field)).Any(e => e.Displayed && e.GetAttribute("data-error") == code), $"the error '{code}' beside {field}");
        _touch.ExpectAttribute(VerificationForm.Field(field), "aria-invalid", v => v == "true", "the field marked invalid");
        return Task.CompletedTask;
    }

    public Task ExpectUploadFailedAsync()
    {
        _touch.ExpectText(VerificationForm.UploadError, _words.UploadFailed);
        return Task.CompletedTask;
    }

    public Task ExpectCheckShowsAsync(FormDetails details)
    {
        _touch.ExpectText(VerificationForm.Check("fullName"), details.FullName);
        _touch.ExpectText(VerificationForm.Check("documentNumber"), details.DocumentNumber);
        _touch.ExpectAttribute(VerificationForm.Check("dateOfBirth"), "data-value", v => v == details.DateOfBirthText, details.DateOfBirthText);
        return Task.CompletedTask;
    }

    public Task SubmitAgainAsync()
    {
        _touch.Tap(VerificationForm.Submit);
        return Task.CompletedTask;
    }

    public Task ExpectSubmissionRefusedAsync(string code)
    {
        _touch.Until(d => _touch.All(d, VerificationForm.FormError).Any(e => e.Displayed && e.GetAttribute("data-code") == code), $"the form refusing with '{code}'");
        return Task.CompletedTask;
    }

    public Task OpenStatusPageAsync()
    {
        session.Open("#/verification");
        return Task.CompletedTask;
    }

    public Task ExpectLockedUntilAsync()
    {
        _touch.ExpectAttribute(VerificationStatus.LockedUntil, "data-locked-until", v => v.Contains('T', StringComparison.Ordinal), "a date and time");
        return Task.CompletedTask;
    }

    public Task ExpectPendingTooLongAsync()
    {
        _touch.Find(VerificationStatus.PendingTooLong);
        _touch.ExpectText(VerificationStatus.ContactSupport, _words.ContactSupport);
        return Task.CompletedTask;
    }

    public Task SetOfflineAsync(bool offline)
    {
        session.SetOffline(offline);
        return Task.CompletedTask;
    }

    private bool Shows(IWebElement shown, RejectionReason reason) =>
        shown.GetAttribute("data-reason") == reason.Code && shown.Text.Contains(_words.ReasonKeywords[reason.Code], StringComparison.OrdinalIgnoreCase);

    private void Choose(string field, DocumentPhoto photo)
    {
        Directory.CreateDirectory(uploadDir);
        var path = Path.Combine(uploadDir, $"{field}-{Guid.NewGuid():N}.{(photo.Format == PhotoFormat.Jpeg ? "jpg" : "png")}");
        File.WriteAllBytes(path, photo.Bytes.ToArray());
        var input = _touch.Until(d => _touch.All(d, VerificationForm.Field(field)) is { Count: > 0 } found ? found[0] : null, $"the {field} picker");
        input.SendKeys(path); // what the camera or the gallery hands the app
        _touch.Find(VerificationForm.Preview(field));
    }

    private void Pick(AppElement element, string value)
    {
        var picker = _touch.Find(element);
        ((IJavaScriptExecutor)_driver).ExecuteScript(
            "const el = arguments[0]; el.value = arguments[1]; el.dispatchEvent(new Event('input', {bubbles: true})); el.dispatchEvent(new Event('change', {bubbles: true}));",
            picker, value);
    }
}
