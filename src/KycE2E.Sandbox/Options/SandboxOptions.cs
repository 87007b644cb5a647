namespace KycE2E.Sandbox.Options;

public sealed class SandboxOptions
{
    public const string Section = "Sandbox";

    /// <summary>Where the SQLite file (and later the uploaded images) live.</summary>
    public string DataDir { get; set; } = ".sandbox-data";

    /// <summary>Key of the test-data API; the API is off while it is empty.</summary>
    public string TestApiKey { get; set; } = "";

    public string DefaultLocale { get; set; } = "zh-CN";

    /// <summary>When set, the sandbox stops as soon as this process is gone, so an aborted test run leaves nothing behind.</summary>
    public int? ParentPid { get; set; }

    /// <summary>How long an app bearer token is valid, in real time.</summary>
    public double TokenLifetimeMinutes { get; set; } = 12 * 60;

    /// <summary>How long a portal sign-in cookie is valid, in real time.</summary>
    public double CookieLifetimeMinutes { get; set; } = 8 * 60;

    /// <summary>Failed logins for one e-mail address within the window before further logins for it are refused (429).</summary>
    public int LoginFailureLimit { get; set; } = 10;

    /// <summary>Failed logins from one network address within the window (any e-mail) before it is refused; high, as the suite logs in from one address.</summary>
    public int LoginFailureLimitPerAddress { get; set; } = 100;

    public double LoginFailureWindowMinutes { get; set; } = 5;

    /// <summary>E-mail and network addresses whose failed logins are counted at most at one time.</summary>
    public int LoginTrackedKeysLimit { get; set; } = 10_000;
}
