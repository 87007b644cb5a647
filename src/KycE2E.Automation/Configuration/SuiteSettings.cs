namespace KycE2E.Automation.Configuration;

/// <summary>Everything a run can be told, bound from runsettings, appsettings JSON and KYCE2E_ environment variables.</summary>
public sealed class SuiteSettings
{
    public string Profile { get; set; } = "local";

    public EnvironmentSettings Environment { get; set; } = new();

    public WebSettings Web { get; set; } = new();

    public MobileSettings Mobile { get; set; } = new();

    public RunSettings Run { get; set; } = new();

    public Timeouts Timeouts { get; set; } = new();
}

public sealed class EnvironmentSettings
{
    /// <summary>An exchange's staging or an already running sandbox; empty: the suite starts its own sandbox.</summary>
    public string BaseUrl { get; set; } = "";

    /// <summary>Key of that environment's test-data API; for staging it comes from KYCE2E_Environment__TestApiKey, never a file.</summary>
    public string TestApiKey { get; set; } = "";

    /// <summary>The sandbox build to start; empty: found beside the test assembly's own build.</summary>
    public string SandboxPath { get; set; } = "";

    /// <summary>How long after a submission the environment promises its review (the sandbox's is 2 minutes); the pending page shows that time.</summary>
    public int ReviewDelayMinutes { get; set; } = 2;

    public TimeSpan ReviewDelay => TimeSpan.FromMinutes(ReviewDelayMinutes);

    public bool StartsSandbox => string.IsNullOrWhiteSpace(BaseUrl);

    /// <summary>
    /// A file mapping catalogue names to this environment's own selectors, per client (docs/environment-contract.md,
    /// section 4); relative to the repository. Empty: every element by the catalogue's test id.
    /// </summary>
    public string LocatorMap { get; set; } = "";

    /// <summary>
    /// What this environment's test-data API does not offer, comma-separated: clock, faults, outbox. A scenario that
    /// needs one is skipped at that step with the reason (Run:SkipsFail decides whether a skip fails the gate).
    /// </summary>
    public string Lacks { get; set; } = "";

    public IReadOnlyList<string> LackedCapabilities =>
        [.. Lacks.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}

/// <summary>The test-data API's optional parts: an environment may lack them, and the scenarios that need them are skipped.</summary>
public static class Capabilities
{
    public const string Clock = "clock";
    public const string Faults = "faults";
    public const string Outbox = "outbox";

    public static readonly IReadOnlyList<string> All = [Clock, Faults, Outbox];
}

public sealed class WebSettings
{
    public bool Headless { get; set; } = true;

    public string BrowserPath { get; set; } = "/usr/bin/chromium";

    /// <summary>
    /// Remote Playwright browser servers (ws://…), one or several separated by commas or spaces: the workers' browsers
    /// are spread over them (see <see cref="WsEndpointFor"/>); empty: the suite launches Chromium itself.
    /// </summary>
    public string WsEndpoint { get; set; } = "";

    /// <summary>The endpoints of <see cref="WsEndpoint"/>, in the order given.</summary>
    public IReadOnlyList<string> WsEndpoints => WsEndpoint.Split([',', ' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>
    /// The server of the pool's <paramref name="browser"/>-th browser (0 first): browser i on endpoint i mod n. Each worker
    /// keeps one browser, so with as many servers as workers every worker has a server of its own; a browser that
    /// replaces a failed one goes to the next server.
    /// </summary>
    public string WsEndpointFor(int browser) => WsEndpoints[browser % WsEndpoints.Count];

    /// <summary>Playwright trace: "on-failure" keeps it for failed scenarios only, "always" for every scenario, "off".</summary>
    public string Trace { get; set; } = "on-failure";

    /// <summary>
    /// Whether the trace also films the page (a screencast frame after every change). The DOM snapshots the trace
    /// viewer shows for each action are kept either way, and a failed scenario gets its own full-page screenshot.
    /// </summary>
    public bool TraceScreenshots { get; set; }
}

public sealed class MobileSettings
{
    /// <summary>A remote Appium server or device farm; empty: the suite starts tools/appium on loopback.</summary>
    public string AppiumUrl { get; set; } = "";

    /// <summary>Chromium's name for the emulated phone.</summary>
    public string Device { get; set; } = "Pixel 7";

    public bool Headless { get; set; } = true;

    public string BrowserPath { get; set; } = "/usr/bin/chromium";

    public string ChromedriverPath { get; set; } = "/usr/bin/chromedriver";

    /// <summary>Chromium (the sandbox's web app), or UiAutomator2 / XCUITest for a native build on a device farm.</summary>
    public string AutomationName { get; set; } = "Chromium";

    /// <summary>For a native build: Android or iOS.</summary>
    public string PlatformName { get; set; } = "";

    public string PlatformVersion { get; set; } = "";

    /// <summary>For a native build: the app's path or URL on the farm (appium:app), or its installed package / bundle.</summary>
    public string App { get; set; } = "";

    public string AppPackage { get; set; } = "";

    public string AppActivity { get; set; } = "";

    public string BundleId { get; set; } = "";

    /// <summary>How screen objects find elements: testid (data-testid in the web app) or accessibility-id (a native build).</summary>
    public string Locators { get; set; } = "testid";

    public bool StartsAppium => string.IsNullOrWhiteSpace(AppiumUrl);

    public bool IsNativeApp => !string.Equals(AutomationName, "Chromium", StringComparison.OrdinalIgnoreCase);
}

public sealed class RunSettings
{
    public string Id { get; set; } = "";

    public string ArtifactsDir { get; set; } = "artifacts";

    /// <summary>Step screenshots: "off", "on-failure" (the failed step only) or "every-step" (a picture book of the guide's steps).</summary>
    public string Screenshots { get; set; } = "on-failure";

    /// <summary>Which pass of the run this is: 1, then 2, 3… for ./e2e --retries re-running failed scenarios.</summary>
    public int Attempt { get; set; } = 1;

    /// <summary>
    /// Seed of the run's random test data (people, documents, photos); 0: a new one each run. Printed at the start and
    /// kept in the report, so `./e2e run --seed N` makes the same people again, scenario by scenario.
    /// </summary>
    public int Seed { get; set; }

    /// <summary>
    /// Platforms whose engines start before the first scenario ("web", "mobile", "web,mobile"; empty: on first use),
    /// so no scenario's time includes launching Chromium or starting Appium. ./e2e bench sets it.
    /// </summary>
    public string Warmup { get; set; } = "";

    /// <summary>
    /// How a scenario that is not about logging in starts logged in ("Given she is logged in"): "api" (default) through
    /// the environment's log-in call, the browser's cookie or the app's token set directly; "ui" through the log-in page,
    /// as the guide's own step does. ./e2e bench runs the same scenarios both ways.
    /// </summary>
    public string LogIn { get; set; } = "api";

    public IReadOnlyList<string> WarmupPlatforms =>
        [.. Warmup.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => p.ToLowerInvariant()).Distinct()];
}

/// <summary>Every wait of the suite, in one place.</summary>
public sealed class Timeouts
{
    /// <summary>How long a UI expectation may take to become true.</summary>
    public int ExpectSeconds { get; set; } = 10;

    /// <summary>How long the sandbox or Appium may take to come up.</summary>
    public int StartupSeconds { get; set; } = 60;

    /// <summary>How long creating an Appium session may take.</summary>
    public int SessionSeconds { get; set; } = 60;

    /// <summary>One call to the test-data API.</summary>
    public int ApiSeconds { get; set; } = 15;

    public TimeSpan Expect => TimeSpan.FromSeconds(ExpectSeconds);

    public TimeSpan Startup => TimeSpan.FromSeconds(StartupSeconds);

    public TimeSpan Session => TimeSpan.FromSeconds(SessionSeconds);

    public TimeSpan Api => TimeSpan.FromSeconds(ApiSeconds);
}
