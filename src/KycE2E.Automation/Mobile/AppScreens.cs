using KycE2E.Automation.Elements;
using OpenQA.Selenium;

namespace KycE2E.Automation.Mobile;

/// <summary>An element of the app, by its test id (or, with <paramref name="Prefix"/>, any whose id starts so), with the words the log uses for it.</summary>
public sealed record AppElement(string TestId, string Description, bool Prefix = false, string Name = "")
{
    /// <summary>The app's way to find a catalogued element.</summary>
    public static AppElement Of(Element element) => new(element.AppTestId, element.Description, element.Prefix, element.Name);

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
    private readonly LocatorMap _map;

    private AppLocators(string name, Func<AppElement, By> by, LocatorMap? map = null)
    {
        Name = name;
        _by = by;
        _map = map ?? LocatorMap.None;
    }

    /// <summary>
    /// These locators with the environment's map in front: an element the map names is found by its selector (a CSS
    /// selector in the web app, an accessibility id in a native build).
    /// </summary>
    public AppLocators With(LocatorMap map) => new(Name, _by, map);

    public string Name { get; }

    public static AppLocators Named(string name) =>
        new[] { TestIds, AccessibilityIds }.FirstOrDefault(l => l.Name == name)
        ?? throw new ArgumentException($"Mobile:Locators '{name}' is unknown: use testid or accessibility-id.", nameof(name));

    public By For(AppElement element) =>
        _map.App(element.Name) is { } mapped ? (Name == "testid" ? By.CssSelector(mapped) : new AccessibilityId(mapped)) : _by(element);

    private sealed class AccessibilityId(string id) : By("accessibility id", id);
}

/// <summary>Where things are on the app's screens, by the app's ids in the ElementCatalogue (the web portal's where the concept is the same).</summary>
public static class AppScreens
{
    public static class Login
    {
        public static readonly AppElement Email = AppElement.Of(ElementCatalogue.LoginEmail);
        public static readonly AppElement Password = AppElement.Of(ElementCatalogue.LoginPassword);
        public static readonly AppElement Submit = AppElement.Of(ElementCatalogue.LoginSubmit);
    }

    public static class AppBar
    {
        public static readonly AppElement Back = AppElement.Of(ElementCatalogue.AppBack);
    }

    /// <summary>What the app keeps in the phone's storage: the bearer token of /api/v1/auth/login, under this key.</summary>
    public static class Storage
    {
        public const string Token = "sbx.token";
    }

    public static class TabBar
    {
        public static readonly AppElement Profile = AppElement.Of(ElementCatalogue.ProfileTab);
    }

    public static class Profile
    {
        public static readonly AppElement PersonalCenter = AppElement.Of(ElementCatalogue.ProfilePersonalCenter);
    }

    public static class PersonalCenter
    {
        public static readonly AppElement IdentityVerification = AppElement.Of(ElementCatalogue.IdentityVerification);
    }

    public static class VerificationStatus
    {
        public static readonly AppElement Status = AppElement.Of(ElementCatalogue.Status);
        public static readonly AppElement Reasons = AppElement.Of(ElementCatalogue.RejectionReason);
        public static readonly AppElement AttemptsLeft = AppElement.Of(ElementCatalogue.AttemptsLeft);
        public static readonly AppElement FinalNote = AppElement.Of(ElementCatalogue.FinalNote);
        public static readonly AppElement Retry = AppElement.Of(ElementCatalogue.Retry);
        public static readonly AppElement ContactSupport = AppElement.Of(ElementCatalogue.ContactSupport);
        public static readonly AppElement ExpectedReviewTime = AppElement.Of(ElementCatalogue.ExpectedReviewTime);
        public static readonly AppElement PendingNote = AppElement.Of(ElementCatalogue.PendingNote);
        public static readonly AppElement PendingTooLong = AppElement.Of(ElementCatalogue.PendingTooLong);
        public static readonly AppElement LockedUntil = AppElement.Of(ElementCatalogue.LockedUntil);
    }

    public static class VerificationForm
    {
        public static readonly AppElement Form = AppElement.Of(ElementCatalogue.Form);
        public static readonly AppElement Next = AppElement.Of(ElementCatalogue.FormNext);
        public static readonly AppElement CheckStep = AppElement.Of(ElementCatalogue.FormCheckStep);
        public static readonly AppElement Submit = AppElement.Of(ElementCatalogue.FormSubmit);
        public static readonly AppElement Edit = AppElement.Of(ElementCatalogue.FormEdit);
        public static readonly AppElement UploadError = AppElement.Of(ElementCatalogue.UploadError);
        public static readonly AppElement FormError = AppElement.Of(ElementCatalogue.FormRefusal);

        /// <summary>Any error beside any field.</summary>
        public static readonly AppElement AnyError = AppElement.Of(ElementCatalogue.AnyFieldError);

        public static AppElement Field(string name) => AppElement.Of(ElementCatalogue.Field.For(name));

        public static AppElement FieldGroup(string name) => AppElement.Of(ElementCatalogue.FieldGroup.For(name));

        public static AppElement Error(string name) => AppElement.Of(ElementCatalogue.FieldError.For(name));

        public static AppElement Preview(string name) => AppElement.Of(ElementCatalogue.Preview.For(name));

        public static AppElement Check(string name) => AppElement.Of(ElementCatalogue.Checked.For(name));
    }

    /// <summary>The app's screens by their address in the web app; a native build reaches them by its own deep links.</summary>
    public static class Routes
    {
        public const string Verification = "#/verification";

        public static string Login(string locale) => $"?lang={Uri.EscapeDataString(locale)}#/login";

        public static string ProfileIn(string locale) => $"?lang={Uri.EscapeDataString(locale)}#/profile";

        /// <summary>A small file of the app's own origin (its icon): a page to set the app's storage from before the app is opened.</summary>
        public const string SameOrigin = "icon.svg";

        public static string VerificationIn(string locale) => $"?lang={Uri.EscapeDataString(locale)}#/verification";
    }
}
