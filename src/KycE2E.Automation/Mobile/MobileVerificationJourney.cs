using Deque.AxeCore.Commons;
using KycE2E.Automation.Accessibility;
using KycE2E.Automation.Elements;
using KycE2E.Automation.Identity;
using KycE2E.Automation.Journeys;
using KycE2E.Automation.TestData;
using KycE2E.Documents;
using Newtonsoft.Json.Linq;
using OpenQA.Selenium;
using static KycE2E.Automation.Mobile.AppScreens;

namespace KycE2E.Automation.Mobile;

/// <summary>The guide's phone steps, through Appium: taps, typing, and explicit waits on what the app shows.</summary>
/// <param name="logIn">The app's log-in call (its token), for starting logged in without the log-in screen.</param>
public sealed class MobileVerificationJourney(MobileSession session, TimeSpan timeout, string uploadDir, Func<TestUser, Task<string>>? logIn = null) : IVerificationActions, IVerificationExpectations
{
    private static readonly string[] DetailFields = ["region", "documentType", "fullName", "documentNumber", "dateOfBirth"];
    private readonly OpenQA.Selenium.Remote.RemoteWebDriver _driver = session.Driver;
    private readonly Touch _touch = new(session.Driver, timeout, session.Locators);
    private GuideVocabulary _words = GuideVocabulary.Chinese;
    private bool _sendNextSubmissionTwice;


    public Task LogInAsync(TestUser user)
    {
        _words = GuideVocabulary.For(user.Locale);
        session.Open(Routes.Login(user.Locale));
        _touch.Type(Login.Email, user.Email);
        _touch.Type(Login.Password, user.Password);
        _touch.Tap(Login.Submit);
        _touch.Find(TabBar.Profile);
        return Task.CompletedTask;
    }

    public async Task StartLoggedInAsync(TestUser user)
    {
        if (session.IsNativeApp || logIn is null)
        {
            // A native build has no URL to set its storage through: it starts from its log-in screen.
            await LogInAsync(user);
            return;
        }

        _words = GuideVocabulary.For(user.Locale);
        var token = await logIn(user);
        session.Open(Routes.SameOrigin);
        _driver.ExecuteScript("localStorage.setItem(arguments[0], arguments[1]);", Storage.Token, token);
        session.Open(Routes.ProfileIn(user.Locale));
        // The profile is drawn from the server's answer to the token (/me); a token it refuses sends her to the log-in screen.
        _touch.ExpectText(Profile.PersonalCenter, _words.PersonalCenter);
        // Then the home screen, where the log-in screen leaves her: the next step's tap on the profile tab draws a new
        // profile, not the one already shown (whose items would go stale under the tap).
        _driver.ExecuteScript("location.hash = '#/home';");
        _touch.ExpectAbsent(Profile.PersonalCenter);
        _touch.Find(TabBar.Profile);
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
                e.GetAttribute(ElementCatalogue.Status.ValueAttribute) == status && Touch.Folded(e.Text) == _words.Status(status)),
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
            $"exactly the reasons [{expected}] with their messages word for word");
        return Task.CompletedTask;
    }

    public Task ExpectReasonAmongAsync(RejectionReason reason)
    {
        _touch.Until(d => _touch.All(d, VerificationStatus.Reasons).FirstOrDefault(e => Shows(e, reason)), $"the reason {reason.Code} reading '{_words.Reason(reason)}'");
        return Task.CompletedTask;
    }

    public Task ExpectRetryOfferedAsync()
    {
        _touch.ExpectText(VerificationStatus.Retry, _words.Retry);
        _touch.ExpectAbsent(VerificationStatus.ContactSupport);
        _touch.ExpectAbsent(VerificationStatus.FinalNote);
        return Task.CompletedTask;
    }

    public Task ExpectSentToSupportAsync()
    {
        _touch.ExpectText(VerificationStatus.ContactSupport, _words.ContactSupport);
        _touch.ExpectAbsent(VerificationStatus.Retry);
        return Task.CompletedTask;
    }

    public Task ExpectFinalNoteAsync()
    {
        _touch.ExpectText(VerificationStatus.FinalNote, _words.Messages.FinalNote);
        return Task.CompletedTask;
    }

    public Task ExpectAttemptsLeftAsync(int count)
    {
        _touch.ExpectText(VerificationStatus.AttemptsLeft, _words.AttemptsLeft(count));
        _touch.ExpectAttribute(VerificationStatus.AttemptsLeft, ElementCatalogue.AttemptsLeft.ValueAttribute, v => v == count.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{count} attempts left");
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
        _touch.ExpectAttribute(VerificationForm.FieldGroup(field), ElementCatalogue.FieldGroup.For(field).ValueAttribute, v => v == "true", "the highlight");
        return Task.CompletedTask;
    }

    public Task ExpectPrefilledWithoutPhotosAsync(FormDetails last)
    {
        ExpectFieldsHold(last);
        ExpectFieldValue("frontImage", "");
        ExpectFieldValue("backImage", "");
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
        if (ToCheckStep())
        {
            _touch.ExpectText(VerificationForm.Submit, _words.Submit);
            if (_sendNextSubmissionTwice)
            {
                _sendNextSubmissionTwice = false;
                _driver.ExecuteScript(SendNextUploadTwice);
            }

            _touch.Tap(VerificationForm.Submit);
        }

        return Task.CompletedTask;
    }

    public async Task ExpectPendingAsync(DateTimeOffset expectedBy)
    {
        await ExpectStatusAsync("pending");
        _touch.ExpectText(VerificationStatus.PendingNote, _words.Messages.PendingNote);
        _touch.ExpectText(VerificationStatus.ExpectedReviewTime, _words.ExpectedBy(expectedBy));
        await ExpectNotPendingTooLongAsync();
    }

    public Task ReloadStatusAsync()
    {
        _driver.Navigate().Refresh();
        return Task.CompletedTask;
    }

    public Task ExpectFormErrorAsync(string field, string code)
    {
        var error = _touch.Until(d => _touch.All(d, VerificationForm.Error(field)).FirstOrDefault(e => e.Displayed && e.GetAttribute(ElementCatalogue.FieldError.For(field).ValueAttribute) == code), $"the error '{code}' beside {field}");
        _touch.ExpectText(VerificationForm.Error(field), _words.FormError(code));
        _touch.ExpectAttribute(VerificationForm.Field(field), "aria-invalid", v => v == "true", "the field marked invalid");
        var id = error.GetAttribute("id");
        if (string.IsNullOrEmpty(id))
        {
            throw new WebDriverException($"The error beside {field} has no id, so nothing ties it to its field for a screen reader.");
        }

        _touch.ExpectAttribute(VerificationForm.Field(field), "aria-describedby", v => v.Split(' ').Contains(id), $"aria-describedby naming '{id}'");
        return Task.CompletedTask;
    }

    public Task ExpectUploadFailedAsync()
    {
        _touch.ExpectText(VerificationForm.UploadError, _words.UploadFailed);
        return Task.CompletedTask;
    }

    public Task ExpectNothingLostAsync(FormDetails details, bool withBack)
    {
        _touch.ExpectText(VerificationForm.Check("fullName"), details.FullName);
        _touch.ExpectText(VerificationForm.Check("documentNumber"), details.DocumentNumber);
        _touch.ExpectAttribute(VerificationForm.Check("dateOfBirth"), ElementCatalogue.Checked.For("dateOfBirth").ValueAttribute, v => v == details.DateOfBirthText, details.DateOfBirthText);

        // The check step is a summary; what counts is what the form itself still holds, so go back to it and read it.
        _touch.Tap(VerificationForm.Edit);
        ExpectFieldsHold(details);
        _touch.Find(VerificationForm.Preview("frontImage"));
        if (withBack)
        {
            _touch.Find(VerificationForm.Preview("backImage"));
        }

        if (!ToCheckStep())
        {
            throw new WebDriverException("What she entered no longer passes the form's own checks after the failed upload.");
        }

        return Task.CompletedTask;
    }

    public Task SubmitAgainAsync()
    {
        _touch.Tap(VerificationForm.Submit);
        return Task.CompletedTask;
    }

    public Task ExpectSubmissionRefusedAsync(string code, string? message = null)
    {
        _touch.Until(d => _touch.All(d, VerificationForm.FormError).Any(e => e.Displayed && e.GetAttribute(ElementCatalogue.FormRefusal.ValueAttribute) == code), $"the form refusing with '{code}'");
        if (message is not null)
        {
            _touch.ExpectText(VerificationForm.FormError, message);
        }

        return Task.CompletedTask;
    }

    public Task OpenStatusPageAsync()
    {
        session.Open(Routes.Verification);
        return Task.CompletedTask;
    }

    public Task GoBackAndReturnAsync()
    {
        _touch.Tap(AppBar.Back);
        _touch.ExpectText(PersonalCenter.IdentityVerification, _words.IdentityVerification);
        _touch.Tap(PersonalCenter.IdentityVerification);
        return Task.CompletedTask;
    }

    public Task ExpectLockedUntilAsync(DateTimeOffset until)
    {
        _touch.ExpectText(VerificationStatus.LockedUntil, _words.LockedUntil(until));
        var instant = until.ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        _touch.ExpectAttribute(VerificationStatus.LockedUntil, ElementCatalogue.LockedUntil.ValueAttribute, v => v.StartsWith(instant, StringComparison.Ordinal), $"the instant {instant}");
        return Task.CompletedTask;
    }

    public Task ExpectNotLockedAsync()
    {
        _touch.Find(VerificationStatus.Status);
        _touch.ExpectAbsent(VerificationStatus.LockedUntil);
        _touch.Until(d => _touch.All(d, VerificationStatus.Reasons).All(e => e.GetAttribute(ElementCatalogue.RejectionReason.ValueAttribute) != RejectionReason.AttemptsExceeded.Code), "no attempts-exceeded reason");
        return Task.CompletedTask;
    }

    public Task ExpectPendingTooLongAsync()
    {
        _touch.ExpectText(VerificationStatus.PendingTooLong, _words.Messages.PendingTooLong);
        _touch.ExpectText(VerificationStatus.ContactSupport, _words.ContactSupport);
        return Task.CompletedTask;
    }

    public Task ExpectNotPendingTooLongAsync()
    {
        _touch.Find(VerificationStatus.PendingNote);
        _touch.ExpectAbsent(VerificationStatus.PendingTooLong);
        _touch.ExpectAbsent(VerificationStatus.ContactSupport);
        return Task.CompletedTask;
    }

    public Task SetOfflineAsync(bool offline)
    {
        session.SetOffline(offline);
        return Task.CompletedTask;
    }

    public Task SwitchLanguageAsync(string locale)
    {
        _words = GuideVocabulary.For(locale);
        session.Open(Routes.VerificationIn(locale));
        return Task.CompletedTask;
    }

    public Task SendNextSubmissionTwiceAsync()
    {
        // Installed in the page just before the tap: opening the app (log in) loads a new page, which would drop it.
        _sendNextSubmissionTwice = true;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<SubmissionCopy>> SubmissionCopiesAsync()
    {
        var copies = _touch.Until(
            d => ((IJavaScriptExecutor)d).ExecuteScript("return window.__kycCopies && window.__kycCopies.length >= 2 ? JSON.stringify(window.__kycCopies) : null;") as string,
            "both copies of the submission to be answered");
        return Task.FromResult<IReadOnlyList<SubmissionCopy>>([.. JArray.Parse(copies).Select(c => new SubmissionCopy((int)c["status"]!, (string?)c["attemptId"]))]);
    }

    public Task<IReadOnlyList<string>> BlockingAccessibilityProblemsAsync()
    {
        if (_driver.ExecuteScript("return typeof window.axe === 'object';") is not true)
        {
            _driver.ExecuteScript(new BundledAxeScriptProvider().GetScript());
        }

        var json = _driver.ExecuteAsyncScript(
            "const done = arguments[arguments.length - 1]; axe.run(document).then(r => done(JSON.stringify(r)), e => done(JSON.stringify({ error: String(e) })));") as string
            ?? throw new WebDriverException("axe-core gave no result on the app's page.");
        var result = JObject.Parse(json);
        if (result["error"] is { } error)
        {
            throw new WebDriverException($"axe-core could not check the app's page: {error}");
        }

        return Task.FromResult(AccessibilityFindings.Blocking(new AxeResult(result)));
    }

    /// <summary>Taps Next; true when the check step opens, false when the app's own checks keep her on the form.</summary>
    private bool ToCheckStep()
    {
        _touch.Tap(VerificationForm.Next);
        var reached = _touch.Until(
            d => _touch.All(d, VerificationForm.CheckStep).Any(e => e.Displayed) ? "check"
                : _touch.All(d, VerificationForm.AnyError).Any(e => e.Displayed) ? "errors" : null,
            "the check step, or the form's errors");
        return reached == "check";
    }

    private void ExpectFieldsHold(FormDetails details)
    {
        string[] values = [details.Region, details.DocumentType, details.FullName, details.DocumentNumber, details.DateOfBirthText];
        foreach (var (field, value) in DetailFields.Zip(values))
        {
            ExpectFieldValue(field, value);
        }
    }

    private void ExpectFieldValue(string field, string value) =>
        _touch.Until(d => _touch.All(d, VerificationForm.Field(field)).Any(e => (e.GetDomProperty("value") ?? "") == value), $"the {field} field to hold '{value}'");

    private bool Shows(IWebElement shown, RejectionReason reason) =>
        shown.GetAttribute(ElementCatalogue.RejectionReason.ValueAttribute) == reason.Code && Touch.Folded(shown.Text) == _words.Reason(reason);

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
        _driver.ExecuteScript(
            "const el = arguments[0]; el.value = arguments[1]; el.dispatchEvent(new Event('input', {bubbles: true})); el.dispatchEvent(new Event('change', {bubbles: true}));",
            picker, value);
    }

    /// <summary>
    /// The phone's network sends the next upload twice at once: a copy with the same headers and body goes out beside the
    /// app's own request, and both answers are kept in window.__kycCopies. The app sees only its own answer.
    /// </summary>
    private const string SendNextUploadTwice = """
        (() => {
          const P = XMLHttpRequest.prototype;
          const open = P.open, setHeader = P.setRequestHeader, send = P.send;
          const keep = (status, text) => { let id = null; try { id = JSON.parse(text).attemptId ?? null; } catch { } window.__kycCopies.push({ status, attemptId: id }); };
          window.__kycCopies = [];
          P.open = function (method, url, ...rest) { this.__copy = { method, url: String(url), headers: {} }; return open.call(this, method, url, ...rest); };
          P.setRequestHeader = function (name, value) { if (this.__copy) this.__copy.headers[name] = value; return setHeader.call(this, name, value); };
          P.send = function (body) {
            const c = this.__copy;
            if (c && c.method === 'POST' && c.url.includes('/verification/attempts')) {
              P.open = open; P.setRequestHeader = setHeader; P.send = send;
              fetch(c.url, { method: 'POST', headers: c.headers, body }).then(async r => keep(r.status, await r.text()), () => keep(0, ''));
              this.addEventListener('loadend', () => keep(this.status, this.responseText));
            }
            return send.call(this, body);
          };
        })();
        """;
}
