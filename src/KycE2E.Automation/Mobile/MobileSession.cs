using KycE2E.Automation.Artifacts;
using KycE2E.Automation.Configuration;
using KycE2E.Automation.Journeys;
using KycE2E.Automation.Sessions;
using KycE2E.Automation.TestData;
using OpenQA.Selenium;
using OpenQA.Selenium.Remote;

namespace KycE2E.Automation.Mobile;

/// <summary>One scenario on the phone app: a pooled Appium session with a clean app state.</summary>
public sealed class MobileSession : IPlatformSession
{
    private const string CdpCommand = "kyce2e:cdp";
    private readonly AppiumSessionPool _pool;
    private readonly ScenarioArtifacts _artifacts;
    private bool _offline;

    private MobileSession(AppiumSessionPool pool, RemoteWebDriver driver, Uri appUrl, TimeSpan timeout, ScenarioArtifacts artifacts, AppApiClient? api)
    {
        _pool = pool;
        Driver = driver;
        AppUrl = appUrl;
        _artifacts = artifacts;
        var journey = new MobileVerificationJourney(this, timeout, Path.Combine(artifacts.Directory, "uploads"), api is null ? null : user => api.LogInAsync(user));
        Actions = journey;
        Expectations = journey;
    }

    public Journeys.Platform Platform => Journeys.Platform.Mobile;

    public IVerificationActions Actions { get; }

    public IVerificationExpectations Expectations { get; }

    public RemoteWebDriver Driver { get; }

    public Uri AppUrl { get; }

    public AppLocators Locators => _pool.Locators;

    /// <param name="api">The app's API, for starting logged in without the log-in screen; null: only through the screen.</param>
    public static async Task<MobileSession> StartAsync(AppiumSessionPool pool, SuiteSettings settings, Uri baseUrl, ScenarioArtifacts artifacts, AppApiClient? api = null) =>
        new(pool, await pool.RentAsync(), new Uri(baseUrl, "app/"), settings.Timeouts.Expect, artifacts, api);

    public bool IsNativeApp => _pool.IsNativeApp;

    /// <summary>Opens a route of the web app (a deep link, in a native build's terms).</summary>
    public void Open(string relative)
    {
        if (_pool.IsNativeApp)
        {
            throw new NotSupportedException($"The native build has no URL to open ('{relative}'): configure a deep link for it, or start from its launch screen.");
        }

        Driver.Navigate().GoToUrl(new Uri(AppUrl, relative));
    }

    /// <summary>The phone loses or regains its network, in Chromium itself (CDP through the driver), not in the sandbox.</summary>
    public void SetOffline(bool offline)
    {
        Driver.RegisterCustomDriverCommand(CdpCommand, new HttpCommandInfo(HttpCommandInfo.PostCommand, "/session/{sessionId}/goog/cdp/execute"));
        Driver.ExecuteCustomDriverCommand(CdpCommand, new Dictionary<string, object?>
        {
            ["cmd"] = "Network.emulateNetworkConditions",
            ["params"] = new Dictionary<string, object> { ["offline"] = offline, ["latency"] = 0, ["downloadThroughput"] = -1, ["uploadThroughput"] = -1 },
        });
        _offline = offline;
    }

    /// <summary>Screenshot, page source and the Appium server's log lines of this session into the scenario's folder.</summary>
    public async Task CaptureFailureAsync()
    {
        try
        {
            await _artifacts.SaveAsync("screenshot.png", Driver.GetScreenshot().AsByteArray);
            await _artifacts.SaveAsync("page-source.html", Driver.PageSource);
        }
        catch (WebDriverException e)
        {
            await _artifacts.SaveAsync("capture-error.txt", $"The app could not be captured: {e.Message}");
        }

        if (_pool.ServerLog is { } log && File.Exists(log))
        {
            await _artifacts.SaveAsync("appium-log.txt", AppiumLogExcerpt(log, Driver.SessionId?.ToString()));
        }
    }

    public async Task<bool> TryScreenshotAsync(string path)
    {
        try
        {
            await File.WriteAllBytesAsync(path, Driver.GetScreenshot().AsByteArray);
            return true;
        }
        catch (WebDriverException)
        {
            return false;
        }
    }

    public async Task EndAsync(bool failed)
    {
        if (_offline && !failed)
        {
            try
            {
                SetOffline(false);
            }
            catch (WebDriverException)
            {
                // the session died after the scenario's last step: it stays "offline" and the pool ends it
            }
        }

        await _pool.ReturnAsync(Driver, healthy: !failed && !_offline && !_pool.IsNativeApp && TryReset());
    }

    /// <summary>A clean app state for the next scenario in this session: storage and cookies cleared, on a blank page.</summary>
    private bool TryReset()
    {
        try
        {
            if (!Driver.Url.StartsWith(AppUrl.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal))
            {
                Driver.Navigate().GoToUrl(AppUrl);
            }

            Driver.ExecuteScript("localStorage.clear(); sessionStorage.clear();");
            Driver.Manage().Cookies.DeleteAllCookies();
            Driver.Navigate().GoToUrl("about:blank");
            return true;
        }
        catch (WebDriverException)
        {
            return false;
        }
    }

    /// <summary>The server log's lines about this session (Appium prefixes them with the session id's first part), the last 400.</summary>
    private static string AppiumLogExcerpt(string logPath, string? sessionId)
    {
        using var stream = new FileStream(logPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var marker = sessionId is { Length: >= 8 } id ? $"[{id[..8]}]" : null;
        var lines = new Queue<string>();
        while (reader.ReadLine() is { } line)
        {
            if (marker is null || line.Contains(marker, StringComparison.Ordinal))
            {
                lines.Enqueue(line);
                if (lines.Count > 400)
                {
                    lines.Dequeue();
                }
            }
        }

        return $"Appium server log ({logPath}), lines of session {sessionId}:\n{string.Join('\n', lines)}";
    }
}
