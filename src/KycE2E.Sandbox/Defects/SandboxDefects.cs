namespace KycE2E.Sandbox.Defects;

/// <summary>
/// Named, deliberate regressions for measuring the suite (docs/defects.md), switched on by SANDBOX_DEFECTS=a,b,
/// Sandbox:Defects or --defects; with none the sandbox is correct.
/// </summary>
public sealed class SandboxDefects
{
    public const string EnvironmentVariable = "SANDBOX_DEFECTS";
    public const string ConfigurationKey = "Sandbox:Defects";

    public static readonly IReadOnlyList<string> Known =
    [
        "login-cookie-scoped-to-account",
        "avatar-menu-without-personal-center",
        "web-retry-button-missing",
        "web-reasons-hidden-for-single-reason",
        "blurry-photo-accepted",
        "glare-not-detected",
        "name-mismatch-not-detected",
        "highlight-points-at-wrong-field",
        "underage-age-on-expiry-date",
        "blocked-region-ignored",
        "expired-id-card-accepted",
        "final-shown-as-retry",
        "id-check-character-not-validated",
        "dob-not-compared-with-id-number",
        "back-side-not-required-on-portal",
        "web-details-lost-after-upload-failure",
        "failed-upload-counts-as-attempt",
        "double-submit-not-idempotent",
        "attempt-limit-off-by-one",
        "lock-lasts-days-not-hours",
        "pending-too-long-never-shown",
        "review-result-not-notified",
        "web-expected-review-time-missing",
        "app-login-token-not-stored",
        "app-identity-verification-entry-broken",
        "app-retry-button-missing",
        "app-retry-label-english-on-zh-cn",
        "app-retry-form-not-prefilled",
        "app-back-photo-not-sent",
        "app-upload-failure-shown-as-success",
        "age-by-birth-year-only",
        "eighteenth-birthday-not-counted",
        "document-expiring-today-refused",
        "name-match-tolerates-one-wrong-character",
        "latin-name-order-enforced",
        "duplicate-identity-checked-on-own-account",
        "black-and-white-copy-accepted",
        "reason-messages-swapped-glare-obscured",
        "zh-expired-message-in-english",
        "notification-lists-only-the-first-reason",
        "web-expected-review-time-in-utc",
        "app-times-in-phone-time-zone",
        "app-attempts-left-shows-attempts-used",
        "refusal-time-in-utc",
        "lock-lifts-a-minute-early",
        "expired-lock-keeps-its-reason",
        "pending-too-long-an-hour-early",
        "app-retry-label-with-an-extra-word",
        "app-back-photo-dropped-after-upload-failure",
        "web-error-not-tied-to-field",
        "app-photo-inputs-unlabelled",
        "contract-outbox-removed",
        "contract-retry-id-renamed",
        "web-retry-button-late-on-first-attempt",
    ];

    /// <summary>
    /// Defects that are there only while the sandbox serves a run's first pass (Sandbox:RunAttempt 1, the default): a
    /// deliberately flaky regression, so that `./e2e run --retries 1` shows the scenario failing once and then passing.
    /// </summary>
    public static readonly IReadOnlyList<string> FirstAttemptOnly = ["web-retry-button-late-on-first-attempt"];

    public const string AttemptKey = "Sandbox:RunAttempt";

    public static readonly SandboxDefects None = new([]);

    private readonly HashSet<string> _active;

    public SandboxDefects(IEnumerable<string> names, int runAttempt = 1)
    {
        _active = new HashSet<string>(names, StringComparer.Ordinal);
        if (Unknown(_active) is { } message)
        {
            throw new ArgumentException(message, nameof(names));
        }

        if (runAttempt > 1)
        {
            _active.ExceptWith(FirstAttemptOnly);
        }
    }

    /// <summary>The active defects, in catalogue order.</summary>
    public IReadOnlyList<string> Active => [.. Known.Where(_active.Contains)];

    /// <summary>Names from the configuration key, the environment variable and --defects, together; an unknown name is an error that lists the known ones.</summary>
    public static SandboxDefects? From(IConfiguration configuration, out string? error)
    {
        var names = new[] { configuration[ConfigurationKey], Environment.GetEnvironmentVariable(EnvironmentVariable), configuration["defects"] }
            .SelectMany(v => (v ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToList();
        error = Unknown(names);
        var attempt = int.TryParse(configuration[AttemptKey], out var a) ? a : 1;
        return error is null ? new SandboxDefects(names, attempt) : null;
    }

    private static string? Unknown(IEnumerable<string> names) =>
        names.Where(n => !Known.Contains(n)).Distinct().ToList() is { Count: > 0 } unknown
            ? $"unknown sandbox defect(s) {string.Join(", ", unknown)} in {EnvironmentVariable} / {ConfigurationKey}. Known defects: {string.Join(", ", Known)}."
            : null;

    public bool Has(string name) => Known.Contains(name)
        ? _active.Contains(name)
        : throw new ArgumentException($"'{name}' is not in the defect catalogue.", nameof(name)); // a typo in a guard would silently never fire
}
