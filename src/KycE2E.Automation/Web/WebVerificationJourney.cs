using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using KycE2E.Automation.Accessibility;
using KycE2E.Automation.Elements;
using KycE2E.Automation.Identity;
using KycE2E.Automation.Journeys;
using KycE2E.Automation.TestData;
using KycE2E.Documents;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KycE2E.Automation.Web;

/// <summary>The guide's web steps, in Playwright; assertions are web-first (they retry until true).</summary>
public sealed partial class WebVerificationJourney(IPage page, LocatorMap locators) : IVerificationActions, IVerificationExpectations
{
    private readonly LoginPage _login = new(new WebFinder(page, locators));
    private readonly PortalHeader _header = new(new WebFinder(page, locators));
    private readonly PersonalCenterPage _center = new(new WebFinder(page, locators));
    private readonly VerificationStatusPage _status = new(new WebFinder(page, locators));
    private readonly VerificationFormPage _form = new(new WebFinder(page, locators));
    private readonly ConcurrentQueue<SubmissionCopy> _copies = new();
    private GuideVocabulary _words = GuideVocabulary.Chinese;


    public async Task LogInAsync(TestUser user)
    {
        _words = GuideVocabulary.For(user.Locale);
        await _login.OpenAsync(user.Locale);
        await _login.Email.FillAsync(user.Email);
        await _login.Password.FillAsync(user.Password);
        await _login.Submit.ClickAsync();
        await Expect(_header.Avatar).ToBeVisibleAsync();
    }

    public async Task StartLoggedInAsync(TestUser user)
    {
        _words = GuideVocabulary.For(user.Locale);
        // The context's own request client: the cookies it is answered with (the language, the sign-in) are the browser's.
        var http = page.Context.APIRequest;
        var form = await http.GetAsync($"login?lang={Uri.EscapeDataString(user.Locale)}");
        var html = await form.TextAsync();
        var token = AntiforgeryField().Match(html) is { Success: true } m ? m.Groups["value"].Value
            : throw new PlaywrightException($"The log-in page answered {form.Status} without the form's antiforgery field, so the portal cannot be logged in to without the page.");
        var formData = http.CreateFormData();
        formData.Set("Email", user.Email);
        formData.Set("Password", user.Password);
        formData.Set("__RequestVerificationToken", token);
        var answer = await http.PostAsync("login", new APIRequestContextOptions { Form = formData, MaxRedirects = 0 });
        if (answer.Status != 302)
        {
            throw new PlaywrightException($"The portal's log-in of {user.Email} was answered {answer.Status}, not with a redirect into the site.");
        }

        await page.GotoAsync("./");
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
        await Expect(_status.Status).ToHaveAttributeAsync(ElementCatalogue.Status.ValueAttribute, status);
        await Expect(_status.Status).ToHaveTextAsync(_words.Status(status));
    }

    public async Task ExpectReasonsAsync(IReadOnlyList<RejectionReason> reasons)
    {
        await Expect(_status.Reasons).ToHaveCountAsync(reasons.Count);
        for (var i = 0; i < reasons.Count; i++)
        {
            var shown = _status.Reasons.Nth(i);
            await Expect(shown).ToHaveAttributeAsync(ElementCatalogue.RejectionReason.ValueAttribute, reasons[i].Code);
            await Expect(shown).ToHaveTextAsync(_words.Reason(reasons[i]));
        }
    }

    public async Task ExpectReasonAmongAsync(RejectionReason reason)
    {
        var shown = _status.Reason(reason.Code);
        await Expect(shown).ToBeVisibleAsync();
        await Expect(shown).ToHaveTextAsync(_words.Reason(reason));
    }

    public async Task ExpectRetryOfferedAsync()
    {
        await Expect(_status.Retry).ToBeVisibleAsync();
        await Expect(_status.Retry).ToHaveTextAsync(_words.Retry);
        await Expect(_status.ContactSupport).ToHaveCountAsync(0);
        await Expect(_status.FinalNote).ToHaveCountAsync(0);
    }

    public async Task ExpectSentToSupportAsync()
    {
        await Expect(_status.ContactSupport).ToBeVisibleAsync();
        await Expect(_status.ContactSupport).ToHaveTextAsync(_words.ContactSupport);
        await Expect(_status.Retry).ToHaveCountAsync(0);
    }

    public async Task ExpectFinalNoteAsync() => await Expect(_status.FinalNote).ToHaveTextAsync(_words.Messages.FinalNote);

    public async Task ExpectAttemptsLeftAsync(int count)
    {
        await Expect(_status.AttemptsLeft).ToHaveTextAsync(_words.AttemptsLeft(count));
        await Expect(_status.AttemptsLeft).ToHaveAttributeAsync(ElementCatalogue.AttemptsLeft.ValueAttribute, count.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public async Task ExpectHighlightedAsync(string field) =>
        await Expect(_form.FieldGroup(field)).ToHaveAttributeAsync(ElementCatalogue.FieldGroup.For(field).ValueAttribute, "true");

    public async Task ExpectPrefilledWithoutPhotosAsync(FormDetails last)
    {
        await ExpectFieldsHoldAsync(last);
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

    public async Task ExpectPendingAsync(DateTimeOffset expectedBy)
    {
        await ExpectStatusAsync("pending");
        await Expect(_status.PendingNote).ToHaveTextAsync(_words.Messages.PendingNote);
        await Expect(_status.ExpectedReviewTime).ToHaveTextAsync(_words.ExpectedBy(expectedBy));
        await ExpectNotPendingTooLongAsync();
    }

    public async Task ReloadStatusAsync() => await page.ReloadAsync();

    public async Task SetOfflineAsync(bool offline) => await page.Context.SetOfflineAsync(offline);

    public async Task ExpectFormErrorAsync(string field, string code)
    {
        var error = _form.Error(field);
        await Expect(error).ToBeVisibleAsync();
        await Expect(error).ToHaveAttributeAsync(ElementCatalogue.FieldError.For(field).ValueAttribute, code);
        await Expect(error).ToHaveTextAsync(_words.FormError(code));
        await Expect(_form.Field(field)).ToHaveAttributeAsync("aria-invalid", "true");
        var id = await error.GetAttributeAsync("id");
        if (string.IsNullOrEmpty(id))
        {
            throw new PlaywrightException($"The error beside {field} has no id, so nothing ties it to its field for a screen reader.");
        }

        await Expect(_form.Field(field)).ToHaveAttributeAsync("aria-describedby", new Regex($@"(^|\s){Regex.Escape(id)}(\s|$)"));
    }

    public async Task ExpectUploadFailedAsync()
    {
        await Expect(_form.UploadError).ToBeVisibleAsync();
        await Expect(_form.UploadError).ToHaveTextAsync(_words.UploadFailed);
    }

    public async Task ExpectNothingLostAsync(FormDetails details, bool withBack)
    {
        await Expect(_form.Check("fullName")).ToHaveTextAsync(details.FullName);
        await Expect(_form.Check("documentNumber")).ToHaveTextAsync(details.DocumentNumber);
        await Expect(_form.Check("dateOfBirth")).ToHaveTextAsync(details.DateOfBirthText);
        await ExpectFieldsHoldAsync(details);
        await Expect(_form.Field("frontImage")).Not.ToHaveValueAsync("");
        if (withBack)
        {
            await Expect(_form.Field("backImage")).Not.ToHaveValueAsync("");
        }
    }

    public async Task SubmitAgainAsync() => await _form.Submit.ClickAsync();

    public async Task ExpectSubmissionRefusedAsync(string code, string? message = null)
    {
        await Expect(_form.FormError).ToBeVisibleAsync();
        await Expect(_form.FormError).ToHaveAttributeAsync(ElementCatalogue.FormRefusal.ValueAttribute, code);
        if (message is not null)
        {
            await Expect(_form.FormError).ToHaveTextAsync(message);
        }
    }

    public async Task OpenStatusPageAsync() => await page.GotoAsync("account/verification");

    public async Task GoBackAndReturnAsync()
    {
        await page.GoBackAsync();
        await Expect(_center.IdentityVerification).ToBeVisibleAsync();
        await page.GoForwardAsync();
    }

    public async Task ExpectLockedUntilAsync(DateTimeOffset until)
    {
        await Expect(_status.LockedUntil).ToHaveTextAsync(_words.LockedUntil(until));
        await Expect(_status.LockedUntil).ToHaveAttributeAsync(ElementCatalogue.LockedUntil.ValueAttribute, new Regex("^" + Regex.Escape(until.ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture))));
    }

    public async Task ExpectNotLockedAsync()
    {
        await Expect(_status.Status).ToBeVisibleAsync();
        await Expect(_status.LockedUntil).ToHaveCountAsync(0);
        await Expect(_status.Reason(RejectionReason.AttemptsExceeded.Code)).ToHaveCountAsync(0);
    }

    public async Task ExpectPendingTooLongAsync()
    {
        await Expect(_status.PendingTooLong).ToHaveTextAsync(_words.Messages.PendingTooLong);
        await Expect(_status.ContactSupport).ToHaveTextAsync(_words.ContactSupport);
    }

    public async Task ExpectNotPendingTooLongAsync()
    {
        await Expect(_status.PendingNote).ToBeVisibleAsync();
        await Expect(_status.PendingTooLong).ToHaveCountAsync(0);
        await Expect(_status.ContactSupport).ToHaveCountAsync(0);
    }

    public async Task SwitchLanguageAsync(string locale)
    {
        _words = GuideVocabulary.For(locale);
        await page.GotoAsync($"account/verification?lang={Uri.EscapeDataString(locale)}");
    }

    public async Task SendNextSubmissionTwiceAsync() =>
        await page.RouteAsync("**/account/verification/attempts", async route =>
        {
            var copies = await Task.WhenAll(route.FetchAsync(), route.FetchAsync());
            foreach (var copy in copies)
            {
                var body = await copy.JsonAsync();
                _copies.Enqueue(new SubmissionCopy(copy.Status, body is { ValueKind: JsonValueKind.Object } json && json.TryGetProperty("attemptId", out var id) ? id.GetString() : null));
            }

            await route.FulfillAsync(new RouteFulfillOptions { Response = copies[0] });
        }, new PageRouteOptions { Times = 1 });

    public Task<IReadOnlyList<SubmissionCopy>> SubmissionCopiesAsync()
    {
        // The page is answered only after both copies came back, so by the pending page both are in.
        return Task.FromResult<IReadOnlyList<SubmissionCopy>>([.. _copies]);
    }

    public async Task<IReadOnlyList<string>> BlockingAccessibilityProblemsAsync() =>
        AccessibilityFindings.Blocking(await page.RunAxe());

    private async Task ExpectFieldsHoldAsync(FormDetails details)
    {
        await Expect(_form.Field("region")).ToHaveValueAsync(details.Region);
        await Expect(_form.Field("documentType")).ToHaveValueAsync(details.DocumentType);
        await Expect(_form.Field("fullName")).ToHaveValueAsync(details.FullName);
        await Expect(_form.Field("documentNumber")).ToHaveValueAsync(details.DocumentNumber);
        await Expect(_form.Field("dateOfBirth")).ToHaveValueAsync(details.DateOfBirthText);
    }

    private static FilePayload Payload(string side, DocumentPhoto photo) => new()
    {
        Name = $"{side}.{(photo.Format == PhotoFormat.Jpeg ? "jpg" : "png")}",
        MimeType = photo.MediaType,
        Buffer = photo.Bytes.ToArray(),
    };

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"(?<value>[^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
