namespace KycE2E.Automation.Elements;

/// <summary>
/// One element a test touches, with the way each client finds it: the website by its data-testid, the app by its test id
/// (data-testid in the web app, the accessibility id in a native build); null where that client has no such element.
/// <paramref name="Value"/> names the attribute that carries the element's value for a machine (a status code, a date).
/// </summary>
public sealed record Element(string Name, string? Web, string? App, string Description, string? Value = null, bool Prefix = false)
{
    public string WebTestId => Web ?? throw new InvalidOperationException($"{Name} is not on the website.");

    public string AppTestId => App ?? throw new InvalidOperationException($"{Name} is not in the app.");

    public string ValueAttribute => Value ?? throw new InvalidOperationException($"{Name} carries no value attribute.");

    /// <summary>The web selector that narrows this element to the one carrying this value.</summary>
    public string WebWithValue(string value) => $"[{ValueAttribute}='{value}']";

    public override string ToString() => Description;
}

/// <summary>Elements that come one per form field: the field's name fills the {} in each id and in the description.</summary>
public sealed record ElementFamily(string Name, string? Web, string? App, string Description, string? Value = null)
{
    public Element For(string member) =>
        new($"{Name}({member})", Web?.Replace("{}", member, StringComparison.Ordinal), App?.Replace("{}", member, StringComparison.Ordinal),
            Description.Replace("{}", member, StringComparison.Ordinal), Value);
}

/// <summary>
/// Every element the suite finds, in one list: its name, its web way and its app way. The website's pages (PortalPages)
/// and the app's screens (AppScreens) take their ids only from here; the same id on both where the concept is the same.
/// </summary>
public static class ElementCatalogue
{
    public static readonly Element LoginEmail = new("login e-mail", "login-email", "app-login-email", "the e-mail field");
    public static readonly Element LoginPassword = new("login password", "login-password", "app-login-password", "the password field");
    public static readonly Element LoginSubmit = new("login submit", "login-submit", "app-login-submit", "the log-in button");

    public static readonly Element Avatar = new("avatar", "avatar", null, "the avatar at the top right");
    public static readonly Element MenuPersonalCenter = new("menu personal center", "menu-personal-center", null, "the personal center in the avatar's menu");
    public static readonly Element AppBack = new("back", null, "app-back", "the back arrow");
    public static readonly Element ProfileTab = new("profile tab", null, "tab-profile", "the profile tab");
    public static readonly Element ProfilePersonalCenter = new("profile personal center", null, "profile-personal-center", "the personal center entry");

    public static readonly Element PersonalCenterTitle = new("personal center title", "personal-center-title", null, "the personal center's title");
    public static readonly Element IdentityVerification = new("identity verification", "center-identity-verification", "center-identity-verification", "the identity verification entry");

    public static readonly Element Status = new("status", "verification-status", "verification-status", "the verification status", Value: "data-status");
    public static readonly Element RejectionReason = new("rejection reason", "rejection-reason", "rejection-reason", "a rejection reason", Value: "data-reason");
    public static readonly Element AttemptsLeft = new("attempts left", "attempts-left", "attempts-left", "the attempts left", Value: "data-attempts-left");
    public static readonly Element FinalNote = new("final note", "final-note", "final-note", "the note that retry is impossible");
    public static readonly Element Retry = new("retry", "retry-button", "retry-button", "the retry button");
    public static readonly Element ContactSupport = new("contact support", "contact-support", "contact-support", "the contact-support link");
    public static readonly Element ExpectedReviewTime = new("expected review time", "expected-review-time", "expected-review-time", "the expected review time");
    public static readonly Element PendingNote = new("pending note", "pending-note", "pending-note", "the note to wait for the review");
    public static readonly Element PendingTooLong = new("pending too long", "pending-too-long", "pending-too-long", "the note that the review takes long");
    public static readonly Element LockedUntil = new("locked until", "locked-until", "locked-until", "the time retry opens again", Value: "data-locked-until");

    public static readonly Element Form = new("verification form", "verification-form", "verification-form", "the verification form");
    public static readonly Element FormNext = new("form next", "form-next", "form-next", "the next button");
    public static readonly Element FormCheckStep = new("form check step", "form-check", "form-check", "the check step");
    public static readonly Element FormSubmit = new("form submit", "form-submit", "form-submit", "the submit button");
    public static readonly Element FormEdit = new("form edit", null, "form-edit", "the edit button");
    public static readonly Element UploadError = new("upload error", "upload-error", "upload-error", "the upload error");
    public static readonly Element FormRefusal = new("form refusal", "form-error", "form-error", "the form's refusal", Value: "data-code");

    /// <summary>Any error beside any field: every id that starts so.</summary>
    public static readonly Element AnyFieldError = new("any field error", null, "error-", "an error beside a field", Prefix: true);

    public static readonly ElementFamily Field = new("field", "field-{}", "field-{}", "the {} field");
    public static readonly ElementFamily FieldGroup = new("field group", "field-{}-group", "field-{}-group", "the {} field's group", Value: "data-highlighted");
    public static readonly ElementFamily FieldError = new("field error", "error-{}", "error-{}", "the error beside {}", Value: "data-error");
    public static readonly ElementFamily Preview = new("preview", "preview-{}", "preview-{}", "the preview of {}");
    public static readonly ElementFamily Checked = new("checked value", "check-{}", "check-{}", "the checked {}", Value: "data-value");
}
