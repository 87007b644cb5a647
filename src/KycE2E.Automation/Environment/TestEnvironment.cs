using KycE2E.Automation.Artifacts;
using KycE2E.Automation.Configuration;
using KycE2E.Automation.Elements;
using KycE2E.Automation.Journeys;
using KycE2E.Automation.Mobile;
using KycE2E.Automation.Processes;
using KycE2E.Automation.Sessions;
using KycE2E.Automation.TestData;
using KycE2E.Automation.Web;

namespace KycE2E.Automation.Environment;

/// <summary>
/// What lives as long as the test run: the settings, the target environment (the run's own sandbox unless one is
/// configured), the browser pool, and the Appium server and sessions, started on first use by a mobile scenario.
/// </summary>
public sealed class TestEnvironment : IAsyncDisposable
{
    /// <summary>How every error that blames the environment, not the scenario, begins.</summary>
    public const string Unreachable = "Environment unreachable";

    private readonly ChildProcess? _sandbox;
    private readonly string? _sandboxData;
    private readonly HttpClient _http;
    private readonly Engines _engines;

    private TestEnvironment(SuiteSettings settings, string runDir, Uri baseUrl, string testApiKey, ChildProcess? sandbox, string? sandboxData, Engines engines)
    {
        _sandboxData = sandboxData;
        Settings = settings;
        RunDir = runDir;
        BaseUrl = baseUrl;
        _sandbox = sandbox;
        _http = new HttpClient { BaseAddress = baseUrl, Timeout = settings.Timeouts.Api };
        TestData = new TestDataClient(_http, testApiKey) { Lacks = settings.Environment.LackedCapabilities };
        TestApiKey = testApiKey;
        _engines = engines;
        Browsers = engines.Browsers;
        Startup = engines.Startup;
    }

    public SuiteSettings Settings { get; }

    public string RunDir { get; }

    public Uri BaseUrl { get; }

    public TestDataClient TestData { get; }

    /// <summary>The environment's test-data key, for the conformance check's raw calls (./e2e contract); never logged.</summary>
    internal string TestApiKey { get; }

    /// <summary>The app's public API, for set-up that goes through a real submission (another account's, say).</summary>
    public AppApiClient AppApi => new(_http);

    public BrowserPool Browsers { get; }

    /// <summary>Seconds from the start of the run until each part was ready ("sandbox ready", "first browser"…).</summary>
    public IReadOnlyDictionary<string, double> Startup { get; }

    /// <summary>
    /// Starts the run's sandbox (unless Environment:BaseUrl names one) and, side by side with it, the engines named in
    /// Run:Warmup: a browser for the pool, the Appium server and a first session.
    /// </summary>
    public static async Task<TestEnvironment> StartAsync(SuiteSettings settings, string repositoryRoot)
    {
        var runId = string.IsNullOrWhiteSpace(settings.Run.Id) ? DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture) : settings.Run.Id;
        settings.Run.Id = runId;
        var runDir = Path.GetFullPath(Path.Combine(repositoryRoot, settings.Run.ArtifactsDir, runId));
        Directory.CreateDirectory(runDir);
        // A locator map that cannot be read stops the run before anything starts.
        var locators = LocatorMap.Load(
            string.IsNullOrWhiteSpace(settings.Environment.LocatorMap) ? "" : Path.GetFullPath(settings.Environment.LocatorMap, repositoryRoot),
            appSelectorsAreCss: !settings.Mobile.IsNativeApp && settings.Mobile.Locators == "testid");
        var engines = new Engines(settings, runDir, locators);
        var warmup = engines.WarmUpAsync(settings.Run.WarmupPlatforms);
        try
        {
            if (!settings.Environment.StartsSandbox)
            {
                var external = new Uri(settings.Environment.BaseUrl.TrimEnd('/') + "/");
                await CheckReachableAsync(external, settings.Timeouts.Api);
                engines.Took("environment answered");
                await warmup;
                return new TestEnvironment(settings, runDir, external, settings.Environment.TestApiKey, null, null, engines);
            }

            // The run's database holds every seeded identity in clear: it lives outside artifacts/ and goes with the run.
            var data = Path.Combine(Path.GetTempPath(), $"kyce2e-sandbox-{Guid.NewGuid():N}");
            var (process, baseUrl, key) = await SandboxProcess.StartAsync(settings, runDir, dataDir: data);
            engines.Took("sandbox ready");
            try
            {
                await warmup;
            }
            catch
            {
                await process.DisposeAsync();
                throw;
            }

            return new TestEnvironment(settings, runDir, baseUrl, key, process, data, engines);
        }
        catch
        {
            await Task.WhenAny(warmup);
            await engines.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Fails at once when the environment is gone (the run's sandbox exited), so the scenarios after it fail fast
    /// with "environment unreachable" instead of each timing out.
    /// </summary>
    public void EnsureReachable()
    {
        if (_sandbox is { HasExited: true })
        {
            throw new EnvironmentSetupException($"{Unreachable}: the run's sandbox at {BaseUrl} has exited; see {_sandbox.LogPath}.");
        }
    }

    /// <summary>
    /// Why a scenario that failed could not have passed: the run's sandbox has exited (it was there when the scenario
    /// started, or <see cref="EnsureReachable"/> would have stopped it). Its own error then only says what the browser
    /// or HTTP client saw (e.g. net::ERR_CONNECTION_REFUSED). Null while the sandbox runs, for an external environment,
    /// and for a failure that already says the environment is unreachable.
    /// </summary>
    public string? UnreachableReason(Exception failure)
    {
        if (_sandbox is not { HasExited: true } sandbox || SaysUnreachable(failure))
        {
            return null;
        }

        return $"{Unreachable}: the run's sandbox exited during this scenario (see {sandbox.LogPath})";
    }

    /// <summary>The run's own sandbox process, when the run started one.</summary>
    internal ChildProcess? Sandbox => _sandbox;

    /// <summary>The Appium sessions, starting the run's Appium server on first use unless Mobile:AppiumUrl names one.</summary>
    public Task<AppiumSessionPool> AppiumSessionsAsync() => _engines.AppiumSessionsAsync();

    /// <summary>A scenario's session on its platform: a fresh browser context, or a clean Appium session.</summary>
    public async Task<IPlatformSession> StartSessionAsync(Platform platform, ScenarioArtifacts artifacts) => platform switch
    {
        Platform.Web => await WebSession.StartAsync(Browsers, Settings, BaseUrl, artifacts),
        Platform.Mobile => await MobileSession.StartAsync(await AppiumSessionsAsync(), Settings, BaseUrl, artifacts, AppApi),
        _ => throw new ArgumentOutOfRangeException(nameof(platform), platform, "A scenario runs on the web or on the phone."),
    };

    /// <summary>What the report says about where the run ran; no secret is among them.</summary>
    public async Task<IReadOnlyDictionary<string, string>> FactsAsync()
    {
        var facts = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["run"] = Settings.Run.Id,
            ["profile"] = Settings.Profile,
            ["target"] = BaseUrl.ToString(),
            ["environment"] = Settings.Environment.StartsSandbox ? "the run's own sandbox" : "external",
            ["commit"] = System.Environment.GetEnvironmentVariable("KYCE2E_COMMIT") ?? "unknown",
            ["random data seed"] = Settings.Run.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["browser"] = Browsers.BrowserVersion is { } v ? $"Chromium {v} ({Settings.Web.BrowserPath})" : "not launched",
            ["mobile device"] = $"{Settings.Mobile.Device} ({Settings.Mobile.AutomationName})",
            ["machine"] = $"{System.Environment.MachineName}, {System.Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}",
        };
        if (Startup.Count > 0)
        {
            facts["start-up"] = string.Join(", ", Startup.OrderBy(s => s.Value).Select(s => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{s.Key} {s.Value:0.0} s")));
        }

        if (_engines.AppiumSessions is { } sessions)
        {
            facts["appium"] = $"{await AppiumVersionAsync(sessions.AppiumUrl)} at {sessions.AppiumUrl}";
        }

        return facts;
    }

    public async ValueTask DisposeAsync()
    {
        await _engines.DisposeAsync();

        if (_sandbox is not null)
        {
            await _sandbox.DisposeAsync();
        }

        if (_sandboxData is not null && Directory.Exists(_sandboxData))
        {
            Directory.Delete(_sandboxData, recursive: true);
        }

        _http.Dispose();
    }

    /// <summary>The browser pool and, once started, Appium: made before the environment so they can warm up beside the sandbox.</summary>
    private sealed class Engines(SuiteSettings settings, string runDir, LocatorMap locators) : IAsyncDisposable
    {
        private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, double> _startup = new(StringComparer.Ordinal);
        private readonly SemaphoreSlim _appiumStart = new(1, 1);

        public BrowserPool Browsers { get; } = new(settings.Web, locators);

        public ChildProcess? Appium { get; private set; }

        public AppiumSessionPool? AppiumSessions { get; private set; }

        public IReadOnlyDictionary<string, double> Startup => _startup;

        public void Took(string what) => _startup[what] = Math.Round(_clock.Elapsed.TotalSeconds, 2);

        /// <summary>The Appium sessions, starting the run's Appium server on first use unless Mobile:AppiumUrl names one.</summary>
        public async Task<AppiumSessionPool> AppiumSessionsAsync()
        {
            if (AppiumSessions is { } ready)
            {
                return ready;
            }

            await _appiumStart.WaitAsync();
            try
            {
                if (AppiumSessions is null)
                {
                    Uri url;
                    if (settings.Mobile.StartsAppium)
                    {
                        (Appium, url) = await AppiumServer.StartAsync(settings, runDir);
                        Took("Appium ready");
                    }
                    else
                    {
                        url = new Uri(settings.Mobile.AppiumUrl.TrimEnd('/') + "/");
                    }

                    AppiumSessions = new AppiumSessionPool(settings.Mobile, url, settings.Timeouts.Session, Appium?.LogPath, locators);
                }

                return AppiumSessions;
            }
            finally
            {
                _appiumStart.Release();
            }
        }

        public async Task WarmUpAsync(IReadOnlyList<string> platforms)
        {
            var work = new List<Task>();
            if (platforms.Contains("web"))
            {
                work.Add(Task.Run(async () =>
                {
                    await Browsers.ReturnAsync(await Browsers.RentAsync(), healthy: true);
                    Took("first browser");
                }));
            }

            if (platforms.Contains("mobile"))
            {
                work.Add(Task.Run(async () =>
                {
                    var sessions = await AppiumSessionsAsync();
                    try
                    {
                        await sessions.PrepareAsync();
                    }
                    catch (OpenQA.Selenium.WebDriverException e)
                    {
                        throw new EnvironmentSetupException($"The first Appium session could not be created at {sessions.AppiumUrl}: {e.Message.Split('\n')[0]}", e);
                    }

                    Took("first Appium session");
                }));
            }

            await Task.WhenAll(work);
        }

        public async ValueTask DisposeAsync()
        {
            if (AppiumSessions is not null)
            {
                await AppiumSessions.DisposeAsync();
            }

            await Browsers.DisposeAsync();
            if (Appium is not null)
            {
                await Appium.DisposeAsync();
            }

            _appiumStart.Dispose();
        }
    }

    private async Task<string> AppiumVersionAsync(Uri appiumUrl)
    {
        try
        {
            using var answer = await _http.GetAsync(new Uri(appiumUrl, "status"));
            using var body = System.Text.Json.JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
            if (body.RootElement.GetProperty("value").TryGetProperty("nodes", out var nodes) && nodes.ValueKind == System.Text.Json.JsonValueKind.Array)
            {
                var version = nodes.EnumerateArray().Select(n => n.TryGetProperty("version", out var v) ? v.GetString()?.Split(' ')[0] : null).FirstOrDefault(v => v is not null);
                return $"Selenium Grid {version ?? "4"} ({nodes.GetArrayLength()} nodes), Appium behind its relay nodes";
            }

            return body.RootElement.GetProperty("value").GetProperty("build").GetProperty("version").GetString() is { } v ? $"Appium {v}" : "Appium";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return "Appium (version not answered)";
        }
    }

    private static bool SaysUnreachable(Exception? failure)
    {
        for (; failure is not null; failure = failure.InnerException)
        {
            if (failure.Message.StartsWith(Unreachable, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static async Task CheckReachableAsync(Uri baseUrl, TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = baseUrl, Timeout = timeout };
        try
        {
            using var health = await http.GetAsync(new Uri("health", UriKind.Relative));
            if (!health.IsSuccessStatusCode)
            {
                throw new EnvironmentSetupException($"Environment unreachable: {baseUrl}health answered {(int)health.StatusCode}; check Environment:BaseUrl.");
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            throw new EnvironmentSetupException($"Environment unreachable at {baseUrl}: {e.Message} Check Environment:BaseUrl, or leave it empty to start the sandbox.", e);
        }
    }
}
