using Microsoft.Playwright;

namespace KycE2E.Automation.Web;

/// <summary>Where things are on the web portal's pages; each element a test touches has a data-testid.</summary>
public sealed class LoginPage(IPage page)
{
    public ILocator Email => page.GetByTestId("login-email");

    public ILocator Password => page.GetByTestId("login-password");

    public ILocator Submit => page.GetByTestId("login-submit");

    public async Task OpenAsync(string locale) => await page.GotoAsync($"login?lang={Uri.EscapeDataString(locale)}");
}

/// <summary>The header of every page: the avatar at the top right opens a menu with the personal center.</summary>
public sealed class PortalHeader(IPage page)
{
    public ILocator Avatar => page.GetByTestId("avatar");

    public ILocator PersonalCenter => page.GetByTestId("menu-personal-center");
}

public sealed class PersonalCenterPage(IPage page)
{
    public ILocator Title => page.GetByTestId("personal-center-title");

    public ILocator IdentityVerification => page.GetByTestId("center-identity-verification");
}

public sealed class VerificationStatusPage(IPage page)
{
    public ILocator Status => page.GetByTestId("verification-status");

    public ILocator Reasons => page.GetByTestId("rejection-reason");

    public ILocator Reason(string code) => Reasons.And(page.Locator($"[data-reason='{code}']"));

    public ILocator AttemptsLeft => page.GetByTestId("attempts-left");

    public ILocator FinalNote => page.GetByTestId("final-note");

    public ILocator Retry => page.GetByTestId("retry-button");

    public ILocator ContactSupport => page.GetByTestId("contact-support");

    public ILocator ExpectedReviewTime => page.GetByTestId("expected-review-time");

    public ILocator PendingNote => page.GetByTestId("pending-note");

    public ILocator PendingTooLong => page.GetByTestId("pending-too-long");

    public ILocator LockedUntil => page.GetByTestId("locked-until");
}

public sealed class VerificationFormPage(IPage page)
{
    public ILocator Form => page.GetByTestId("verification-form");

    public ILocator Field(string name) => page.GetByTestId($"field-{name}");

    public ILocator FieldGroup(string name) => page.GetByTestId($"field-{name}-group");

    public ILocator Error(string name) => page.GetByTestId($"error-{name}");

    public ILocator Preview(string name) => page.GetByTestId($"preview-{name}");

    public ILocator Next => page.GetByTestId("form-next");

    public ILocator CheckStep => page.GetByTestId("form-check");

    public ILocator Submit => page.GetByTestId("form-submit");

    public ILocator UploadError => page.GetByTestId("upload-error");

    public ILocator FormError => page.GetByTestId("form-error");

    public ILocator Check(string name) => page.GetByTestId($"check-{name}");
}
