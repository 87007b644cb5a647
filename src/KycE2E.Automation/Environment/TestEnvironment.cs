using KycE2E.Automation.Configuration;
using KycE2E.Automation.Mobile;
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
    private readonly SemaphoreSlim _appiumStart = new(1, 1);
    private ChildProcess? _appium;
    private AppiumSessionPool? _appiumSessions;

    private TestEnvironment(SuiteSettings settings, string runDir, Uri baseUrl, string testApiKey, ChildProcess? sandbox, string? sandboxData = null)
    {
        _sandboxData = sandboxData;
        Settings = settings;
        RunDir = runDir;
        BaseUrl = baseUrl;
        _sandbox = sandbox;
        _http = new HttpClient { BaseAddress = baseUrl, Timeout = settings.Timeouts.Api };
        TestData = new TestDataClient(_http, testApiKey);
        Browsers = new BrowserPool(settings.Web);
    }

    public SuiteSettings Settings { get; }

    public string RunDir { get; }

    public Uri BaseUrl { get; }

    public TestDataClient TestData { get; }

    public BrowserPool Browsers { get; }

    public static async Task<TestEnvironment> StartAsync(SuiteSettings settings, string repositoryRoot)
    {
        var runId = string.IsNullOrWhiteSpace(settings.Run.Id) ? DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture) : settings.Run.Id;
        settings.Run.Id = runId;
        var runDir = Path.GetFullPath(Path.Combine(repositoryRoot, settings.Run.ArtifactsDir, runId));
        Directory.CreateDirectory(runDir);

        if (!settings.Environment.StartsSandbox)
        {
            var external = new Uri(settings.Environment.BaseUrl.TrimEnd('/') + "/");
            await CheckReachableAsync(external, settings.Timeouts.Api);
            return new TestEnvironment(settings, runDir, external, settings.Environment.TestApiKey, null);
        }

        // The run's database holds every seeded identity in clear: it lives outside artifacts/ and goes with the run.
        var data = Path.Combine(Path.GetTempPath(), $"kyce2e-sandbox-{Guid.NewGuid():N}");
        var (process, baseUrl, key) = await SandboxProcess.StartAsync(settings, runDir, dataDir: data);
        return new TestEnvironment(settings, runDir, baseUrl, key, process, data);
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
    public async Task<AppiumSessionPool> AppiumSessionsAsync()
    {
        if (_appiumSessions is not null)
        {
            return _appiumSessions;
        }

        await _appiumStart.WaitAsync();
        try
        {
            if (_appiumSessions is null)
            {
                Uri url;
                if (Settings.Mobile.StartsAppium)
                {
                    (_appium, url) = await AppiumServer.StartAsync(Settings, RunDir);
                }
                else
                {
                    url = new Uri(Settings.Mobile.AppiumUrl.TrimEnd('/') + "/");
                }

                _appiumSessions = new AppiumSessionPool(Settings.Mobile, url, Settings.Timeouts.Session, _appium?.LogPath);
            }

            return _appiumSessions;
        }
        finally
        {
            _appiumStart.Release();
        }
    }

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
            ["browser"] = Browsers.BrowserVersion is { } v ? $"Chromium {v} ({Settings.Web.BrowserPath})" : "not launched",
            ["mobile device"] = $"{Settings.Mobile.Device} ({Settings.Mobile.AutomationName})",
            ["machine"] = $"{System.Environment.MachineName}, {System.Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}",
        };
        if (_appiumSessions is not null)
        {
            facts["appium"] = $"{await AppiumVersionAsync(_appiumSessions.AppiumUrl)} at {_appiumSessions.AppiumUrl}";
        }

        return facts;
    }

    public async ValueTask DisposeAsync()
    {
        _appiumSessions?.Dispose();
        await Browsers.DisposeAsync();
        if (_appium is not null)
        {
            await _appium.DisposeAsync();
        }

        if (_sandbox is not null)
        {
            await _sandbox.DisposeAsync();
        }

        if (_sandboxData is not null && Directory.Exists(_sandboxData))
        {
            Directory.Delete(_sandboxData, recursive: true);
        }

        _http.Dispose();
        _appiumStart.Dispose();
    }

    private async Task<string> AppiumVersionAsync(Uri appiumUrl)
    {
        try
        {
            using var answer = await _http.GetAsync(new Uri(appiumUrl, "status"));
            using var body = System.Text.Json.JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
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
