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

    public Task ExpectRetryOfferedAsync()
    {
        ExpectText(VerificationStatus.Retry, _words.Retry, "the retry button");
        _touch.Until(d => d.FindElements(VerificationStatus.ContactSupport).Count == 0, "no contact-support button");
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
        _touch.Find(VerificationForm.CheckStep, "the check step");
        _touch.Tap(VerificationForm.Submit, "the submit button");
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
