using OpenQA.Selenium;

namespace KycE2E.Automation.Mobile;

/// <summary>An element of the app, by its test id (or, with <paramref name="Prefix"/>, any whose id starts so), with the words the log uses for it.</summary>
public sealed record AppElement(string TestId, string Description, bool Prefix = false)
{
    public override string ToString() => Description;
}

/// <summary>
/// How the app's elements are found: by data-testid in the web app (Chromium driver), or by accessibility id in a
/// native build on a device farm, where the same ids are set as accessibility identifiers.
/// </summary>
public sealed class AppLocators
{
    public static readonly AppLocators TestIds = new(
        "testid",
        e => By.CssSelector(e.Prefix ? $"[data-testid^='{e.TestId}']" : $"[data-testid='{e.TestId}']"));

    public static readonly AppLocators AccessibilityIds = new(
        "accessibility-id",
        e => e.Prefix ? By.XPath($"//*[starts-with(@content-desc, '{e.TestId}') or starts-with(@name, '{e.TestId}')]") : new AccessibilityId(e.TestId));

    private readonly Func<AppElement, By> _by;

    private AppLocators(string name, Func<AppElement, By> by)
    {
        Name = name;
        _by = by;
    }

    public string Name { get; }

    public static AppLocators Named(string name) =>
        new[] { TestIds, AccessibilityIds }.FirstOrDefault(l => l.Name == name)
        ?? throw new ArgumentException($"Mobile:Locators '{name}' is unknown: use testid or accessibility-id.", nameof(name));

    public By For(AppElement element) => _by(element);

    private sealed class AccessibilityId(string id) : By("accessibility id", id);
}

/// <summary>Where things are on the app's screens; the same test ids as the web portal where the concept is the same.</summary>
public static class AppScreens
{
    public static class Login
    {
        public static readonly AppElement Email = new("app-login-email", "the e-mail field");
        public static readonly AppElement Password = new("app-login-password", "the password field");
        public static readonly AppElement Submit = new("app-login-submit", "the log-in button");
    }

    public static class AppBar
    {
        public static readonly AppElement Back = new("app-back", "the back arrow");
    }

    public static class TabBar
    {
        public static readonly AppElement Profile = new("tab-profile", "the profile tab");
    }

    public static class Profile
    {
        public static readonly AppElement PersonalCenter = new("profile-personal-center", "the personal center entry");
    }

    public static class PersonalCenter
    {
        public static readonly AppElement IdentityVerification = new("center-identity-verification", "the identity verification entry");
    }

    public static class VerificationStatus
    {
        public static readonly AppElement Status = new("verification-status", "the verification status");
        public static readonly AppElement Reasons = new("rejection-reason", "a rejection reason");
        public static readonly AppElement AttemptsLeft = new("attempts-left", "the attempts left");
        public static readonly AppElement FinalNote = new("final-note", "the note that retry is impossible");
        public static readonly AppElement Retry = new("retry-button", "the retry button");
        public static readonly AppElement ContactSupport = new("contact-support", "the contact-support link");
        public static readonly AppElement ExpectedReviewTime = new("expected-review-time", "the expected review time");
        public static readonly AppElement PendingNote = new("pending-note", "the note to wait for the review");
        public static readonly AppElement PendingTooLong = new("pending-too-long", "the note that the review takes long");
        public static readonly AppElement LockedUntil = new("locked-until", "the time retry opens again");
    }

    public static class VerificationForm
    {
        public static readonly AppElement Form = new("verification-form", "the verification form");
        public static readonly AppElement Next = new("form-next", "the next button");
        public static readonly AppElement CheckStep = new("form-check", "the check step");
        public static readonly AppElement Submit = new("form-submit", "the submit button");
        public static readonly AppElement Edit = new("form-edit", "the edit button");
        public static readonly AppElement UploadError = new("upload-error", "the upload error");
        public static readonly AppElement FormError = new("form-error", "the form's refusal");

        /// <summary>Any error beside any field.</summary>
        public static readonly AppElement AnyError = new("error-", "an error beside a field", Prefix: true);

        public static AppElement Field(string name) => new($"field-{name}", $"the {name} field");

        public static AppElement FieldGroup(string name) => new($"field-{name}-group", $"the {name} field's group");

        public static AppElement Error(string name) => new($"error-{name}", $"the error beside {name}");

        public static AppElement Preview(string name) => new($"preview-{name}", $"the preview of {name}");

        public static AppElement Check(string name) => new($"check-{name}", $"the checked {name}");
    }
}
