using KycE2E.Automation.Configuration;
using KycE2E.Automation.Elements;
using KycE2E.Automation.Processes;
using KycE2E.Automation.Sessions;
using OpenQA.Selenium;
using OpenQA.Selenium.Remote;

namespace KycE2E.Automation.Mobile;

/// <summary>
/// One Appium session per worker, reused across scenarios with a clean app state in between (the session clears
/// cookies and storage as it ends); a session that failed a scenario is ended, not reused, and an idle session is
/// checked before it is handed out again.
/// </summary>
public sealed class AppiumSessionPool(MobileSettings settings, Uri appiumUrl, TimeSpan sessionTimeout, string? serverLog, LocatorMap? locators = null) : SessionPool<RemoteWebDriver>
{
    private static readonly TimeSpan StatusTimeout = TimeSpan.FromSeconds(3);
    private readonly HttpClient _status = new() { Timeout = StatusTimeout };

    public Uri AppiumUrl => appiumUrl;

    /// <summary>The log of the Appium server the run started, if it started one.</summary>
    public string? ServerLog => serverLog;

    public AppLocators Locators { get; } = AppLocators.Named(settings.Locators).With(locators ?? LocatorMap.None);

    public bool IsNativeApp => settings.IsNativeApp;

    /// <summary>Asks the server's /status before any session command: "Appium server unreachable" at once, not a session timeout.</summary>
    protected override async Task EnsureReachableAsync()
    {
        try
        {
            using var answer = await _status.GetAsync(new Uri(appiumUrl, "status"));
            if (answer.IsSuccessStatusCode)
            {
                return;
            }

            throw new EnvironmentSetupException($"Appium server unreachable at {appiumUrl}: /status answered {(int)answer.StatusCode}.");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            throw new EnvironmentSetupException($"Appium server unreachable at {appiumUrl}: {e.Message}", e);
        }
    }

    protected override Task<RemoteWebDriver> StartAsync() =>
        Task.FromResult(AppiumSessionFactory.Create(settings, appiumUrl, sessionTimeout));

    /// <summary>
    /// One cheap command that needs the browser (its current URL), with the short status timeout rather than the
    /// session's. Only web-app sessions are pooled, so the command always applies.
    /// </summary>
    protected override async Task<bool> AnswersAsync(RemoteWebDriver driver)
    {
        if (driver.SessionId is not { } id)
        {
            return false;
        }

        try
        {
            using var answer = await _status.GetAsync(new Uri(appiumUrl, $"session/{id}/url"));
            return answer.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    protected override Task CloseAsync(RemoteWebDriver driver)
    {
        try
        {
            driver.Quit();
        }
        catch (WebDriverException)
        {
            // the session or the server is already gone
        }

        driver.Dispose();
        return Task.CompletedTask;
    }

    protected override ValueTask DisposeEngineAsync()
    {
        _status.Dispose();
        return ValueTask.CompletedTask;
    }
}
