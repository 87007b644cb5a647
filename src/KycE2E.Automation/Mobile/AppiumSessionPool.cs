using System.Collections.Concurrent;
using OpenQA.Selenium;
using OpenQA.Selenium.Remote;
using KycE2E.Automation.Configuration;
using KycE2E.Automation.Environment;

namespace KycE2E.Automation.Mobile;

/// <summary>
/// One Appium session per worker, reused across scenarios with a clean app state in between
/// (cookies and storage cleared); a session that failed a scenario is ended, not reused, and an idle session
/// is checked before it is handed out again.
/// </summary>
public sealed class AppiumSessionPool(MobileSettings settings, Uri appiumUrl, TimeSpan sessionTimeout, string? serverLog) : IDisposable
{
    private static readonly TimeSpan StatusTimeout = TimeSpan.FromSeconds(3);
    private readonly ConcurrentBag<RemoteWebDriver> _idle = [];
    private readonly ConcurrentDictionary<RemoteWebDriver, byte> _all = new();
    private readonly HttpClient _status = new() { Timeout = StatusTimeout };

    public Uri AppiumUrl => appiumUrl;

    /// <summary>The log of the Appium server the run started, if it started one.</summary>
    public string? ServerLog => serverLog;

    public AppLocators Locators { get; } = AppLocators.Named(settings.Locators);

    public bool IsNativeApp => settings.IsNativeApp;

    /// <summary>A session for the next scenario; fails at once with "Appium server unreachable" when the server is gone.</summary>
    public RemoteWebDriver Rent()
    {
        EnsureServerAnswers();
        while (_idle.TryTake(out var driver))
        {
            if (Answers(driver))
            {
                return driver;
            }

            End(driver); // its browser or chromedriver died while it waited: a new session replaces it
        }

        var created = AppiumSessionFactory.Create(settings, appiumUrl, sessionTimeout);
        _all.TryAdd(created, 0);
        return created;
    }

    /// <summary>Creates a session before the first scenario needs it (Run:Warmup); a new session is clean already.</summary>
    public void Prepare()
    {
        EnsureServerAnswers();
        var created = AppiumSessionFactory.Create(settings, appiumUrl, sessionTimeout);
        _all.TryAdd(created, 0);
        _idle.Add(created);
    }

    public void Return(RemoteWebDriver driver, bool healthy, Uri appUrl)
    {
        if (healthy && !IsNativeApp && TryReset(driver, appUrl))
        {
            _idle.Add(driver);
            return;
        }

        End(driver);
    }

    public void Dispose()
    {
        foreach (var driver in _all.Keys)
        {
            End(driver);
        }

        _status.Dispose();
    }

    private void EnsureServerAnswers()
    {
        try
        {
            using var answer = _status.GetAsync(new Uri(appiumUrl, "status")).GetAwaiter().GetResult();
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

    /// <summary>
    /// Whether an idle session still works: one cheap command that needs the browser (its current URL), with the short
    /// status timeout rather than the session's. Only web-app sessions are pooled, so the command always applies.
    /// </summary>
    private bool Answers(RemoteWebDriver driver)
    {
        if (driver.SessionId is not { } id)
        {
            return false;
        }

        try
        {
            using var answer = _status.GetAsync(new Uri(appiumUrl, $"session/{id}/url")).GetAwaiter().GetResult();
            return answer.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    private static bool TryReset(RemoteWebDriver driver, Uri appUrl)
    {
        try
        {
            if (!driver.Url.StartsWith(appUrl.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal))
            {
                driver.Navigate().GoToUrl(appUrl);
            }

            driver.ExecuteScript("localStorage.clear(); sessionStorage.clear();");
            driver.Manage().Cookies.DeleteAllCookies();
            driver.Navigate().GoToUrl("about:blank");
            return true;
        }
        catch (WebDriverException)
        {
            return false;
        }
    }

    private void End(RemoteWebDriver driver)
    {
        _all.TryRemove(driver, out _);
        try
        {
            driver.Quit();
        }
        catch (WebDriverException)
        {
            // the session or the server is already gone
        }

        driver.Dispose();
    }
}
