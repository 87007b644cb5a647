using KycE2E.Automation.Elements;
using Microsoft.Playwright;

namespace KycE2E.Automation.Web;

/// <summary>
/// How the website's elements are found: by the environment's locator map where it names the element, else by the
/// data-testid the ElementCatalogue gives it.
/// </summary>
public sealed class WebFinder(IPage page, LocatorMap map)
{
    public IPage Page => page;

    public ILocator Find(Element element) => map.Web(element) is { } selector ? page.Locator(selector) : page.GetByTestId(element.WebTestId);
}

/// <summary>Where things are on the web portal's pages: each element a test touches, from the ElementCatalogue, through the WebFinder.</summary>
public sealed class LoginPage(WebFinder find)
{
    public ILocator Email => find.Find(ElementCatalogue.LoginEmail);

    public ILocator Password => find.Find(ElementCatalogue.LoginPassword);

    public ILocator Submit => find.Find(ElementCatalogue.LoginSubmit);

    public async Task OpenAsync(string locale) => await find.Page.GotoAsync($"login?lang={Uri.EscapeDataString(locale)}");
}

/// <summary>The header of every page: the avatar at the top right opens a menu with the personal center.</summary>
public sealed class PortalHeader(WebFinder find)
{
    public ILocator Avatar => find.Find(ElementCatalogue.Avatar);

    public ILocator PersonalCenter => find.Find(ElementCatalogue.MenuPersonalCenter);
}

public sealed class PersonalCenterPage(WebFinder find)
{
    public ILocator Title => find.Find(ElementCatalogue.PersonalCenterTitle);

    public ILocator IdentityVerification => find.Find(ElementCatalogue.IdentityVerification);
}

public sealed class VerificationStatusPage(WebFinder find)
{
    public ILocator Status => find.Find(ElementCatalogue.Status);

    public ILocator Reasons => find.Find(ElementCatalogue.RejectionReason);

    public ILocator Reason(string code) => Reasons.And(find.Page.Locator(ElementCatalogue.RejectionReason.WebWithValue(code)));

    public ILocator AttemptsLeft => find.Find(ElementCatalogue.AttemptsLeft);

    public ILocator FinalNote => find.Find(ElementCatalogue.FinalNote);

    public ILocator Retry => find.Find(ElementCatalogue.Retry);

    public ILocator ContactSupport => find.Find(ElementCatalogue.ContactSupport);

    public ILocator ExpectedReviewTime => find.Find(ElementCatalogue.ExpectedReviewTime);

    public ILocator PendingNote => find.Find(ElementCatalogue.PendingNote);

    public ILocator PendingTooLong => find.Find(ElementCatalogue.PendingTooLong);

    public ILocator LockedUntil => find.Find(ElementCatalogue.LockedUntil);
}

public sealed class VerificationFormPage(WebFinder find)
{
    public ILocator Form => find.Find(ElementCatalogue.Form);

    public ILocator Field(string name) => find.Find(ElementCatalogue.Field.For(name));

    public ILocator FieldGroup(string name) => find.Find(ElementCatalogue.FieldGroup.For(name));

    public ILocator Error(string name) => find.Find(ElementCatalogue.FieldError.For(name));

    public ILocator Preview(string name) => find.Find(ElementCatalogue.Preview.For(name));

    public ILocator Next => find.Find(ElementCatalogue.FormNext);

    public ILocator CheckStep => find.Find(ElementCatalogue.FormCheckStep);

    public ILocator Submit => find.Find(ElementCatalogue.FormSubmit);

    public ILocator UploadError => find.Find(ElementCatalogue.UploadError);

    public ILocator FormError => find.Find(ElementCatalogue.FormRefusal);

    public ILocator Check(string name) => find.Find(ElementCatalogue.Checked.For(name));
}
