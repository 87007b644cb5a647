using OpenQA.Selenium;

namespace KycE2E.Automation.Mobile;

/// <summary>Where things are on the app's screens; the same data-testids as the web portal where the concept is the same.</summary>
public static class AppScreens
{
    public static By TestId(string id) => By.CssSelector($"[data-testid='{id}']");

    public static class Login
    {
        public static readonly By Screen = TestId("app-login");
        public static readonly By Email = TestId("app-login-email");
        public static readonly By Password = TestId("app-login-password");
        public static readonly By Submit = TestId("app-login-submit");
    }

    public static class TabBar
    {
        public static readonly By Home = TestId("tab-home");
        public static readonly By Profile = TestId("tab-profile");
    }

    public static class Profile
    {
        public static readonly By PersonalCenter = TestId("profile-personal-center");
    }

    public static class PersonalCenter
    {
        public static readonly By IdentityVerification = TestId("center-identity-verification");
    }

    public static class VerificationStatus
    {
        public static readonly By Status = TestId("verification-status");
        public static readonly By Reasons = TestId("rejection-reason");
        public static readonly By Retry = TestId("retry-button");
        public static readonly By ContactSupport = TestId("contact-support");
        public static readonly By ExpectedReviewTime = TestId("expected-review-time");
        public static readonly By PendingNote = TestId("pending-note");
        public static readonly By PendingTooLong = TestId("pending-too-long");
        public static readonly By LockedUntil = TestId("locked-until");
    }

    public static class VerificationForm
    {
        public static readonly By Form = TestId("verification-form");
        public static readonly By Next = TestId("form-next");
        public static readonly By CheckStep = TestId("form-check");
        public static readonly By Submit = TestId("form-submit");
        public static readonly By UploadError = TestId("upload-error");
        public static readonly By FormError = TestId("form-error");
        public static readonly By AnyFieldError = By.CssSelector("[data-testid^='error-']");

        public static By Error(string name) => TestId($"error-{name}");

        public static By Check(string name) => TestId($"check-{name}");

        public static By Field(string name) => TestId($"field-{name}");

        public static By Preview(string name) => TestId($"preview-{name}");
    }
}
