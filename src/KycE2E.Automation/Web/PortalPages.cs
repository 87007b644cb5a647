using KycE2E.Automation.Elements;
using Microsoft.Playwright;

namespace KycE2E.Automation.Web;

/// <summary>Where things are on the web portal's pages: each element a test touches by its data-testid, from the ElementCatalogue.</summary>
public sealed class LoginPage(IPage page)
{
    public ILocator Email => page.GetByTestId(ElementCatalogue.LoginEmail.WebTestId);

    public ILocator Password => page.GetByTestId(ElementCatalogue.LoginPassword.WebTestId);

    public ILocator Submit => page.GetByTestId(ElementCatalogue.LoginSubmit.WebTestId);

    public async Task OpenAsync(string locale) => await page.GotoAsync($"login?lang={Uri.EscapeDataString(locale)}");
}

/// <summary>The header of every page: the avatar at the top right opens a menu with the personal center.</summary>
public sealed class PortalHeader(IPage page)
{
    public ILocator Avatar => page.GetByTestId(ElementCatalogue.Avatar.WebTestId);

    public ILocator PersonalCenter => page.GetByTestId(ElementCatalogue.MenuPersonalCenter.WebTestId);
}

public sealed class PersonalCenterPage(IPage page)
{
    public ILocator Title => page.GetByTestId(ElementCatalogue.PersonalCenterTitle.WebTestId);

    public ILocator IdentityVerification => page.GetByTestId(ElementCatalogue.IdentityVerification.WebTestId);
}

public sealed class VerificationStatusPage(IPage page)
{
    public ILocator Status => page.GetByTestId(ElementCatalogue.Status.WebTestId);

    public ILocator Reasons => page.GetByTestId(ElementCatalogue.RejectionReason.WebTestId);

    public ILocator Reason(string code) => Reasons.And(page.Locator(ElementCatalogue.RejectionReason.WebWithValue(code)));

    public ILocator AttemptsLeft => page.GetByTestId(ElementCatalogue.AttemptsLeft.WebTestId);

    public ILocator FinalNote => page.GetByTestId(ElementCatalogue.FinalNote.WebTestId);

    public ILocator Retry => page.GetByTestId(ElementCatalogue.Retry.WebTestId);

    public ILocator ContactSupport => page.GetByTestId(ElementCatalogue.ContactSupport.WebTestId);

    public ILocator ExpectedReviewTime => page.GetByTestId(ElementCatalogue.ExpectedReviewTime.WebTestId);

    public ILocator PendingNote => page.GetByTestId(ElementCatalogue.PendingNote.WebTestId);

    public ILocator PendingTooLong => page.GetByTestId(ElementCatalogue.PendingTooLong.WebTestId);

    public ILocator LockedUntil => page.GetByTestId(ElementCatalogue.LockedUntil.WebTestId);
}

public sealed class VerificationFormPage(IPage page)
{
    public ILocator Form => page.GetByTestId(ElementCatalogue.Form.WebTestId);

    public ILocator Field(string name) => page.GetByTestId(ElementCatalogue.Field.For(name).WebTestId);

    public ILocator FieldGroup(string name) => page.GetByTestId(ElementCatalogue.FieldGroup.For(name).WebTestId);

    public ILocator Error(string name) => page.GetByTestId(ElementCatalogue.FieldError.For(name).WebTestId);

    public ILocator Preview(string name) => page.GetByTestId(ElementCatalogue.Preview.For(name).WebTestId);

    public ILocator Next => page.GetByTestId(ElementCatalogue.FormNext.WebTestId);

    public ILocator CheckStep => page.GetByTestId(ElementCatalogue.FormCheckStep.WebTestId);

    public ILocator Submit => page.GetByTestId(ElementCatalogue.FormSubmit.WebTestId);

    public ILocator UploadError => page.GetByTestId(ElementCatalogue.UploadError.WebTestId);

    public ILocator FormError => page.GetByTestId(ElementCatalogue.FormRefusal.WebTestId);

    public ILocator Check(string name) => page.GetByTestId(ElementCatalogue.Checked.For(name).WebTestId);
}
