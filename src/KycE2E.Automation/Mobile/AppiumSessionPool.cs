using System.Collections.Concurrent;
using OpenQA.Selenium;
using OpenQA.Selenium.Remote;
using KycE2E.Automation.Configuration;

namespace KycE2E.Automation.Mobile;

/// <summary>
/// One Appium session per worker, reused across scenarios with a clean app state in between
/// (cookies and storage cleared); a session that failed a scenario is ended, not reused.
/// </summary>
public sealed class AppiumSessionPool(MobileSettings settings, Uri appiumUrl, TimeSpan sessionTimeout) : IDisposable
{
    private readonly ConcurrentBag<RemoteWebDriver> _idle = [];
    private readonly ConcurrentDictionary<RemoteWebDriver, byte> _all = new();

    public Uri AppiumUrl => appiumUrl;

    public RemoteWebDriver Rent()
    {
        if (_idle.TryTake(out var driver))
        {
            return driver;
        }

        var created = AppiumSessionFactory.Create(settings, appiumUrl, sessionTimeout);
        _all.TryAdd(created, 0);
        return created;
    }

    public void Return(RemoteWebDriver driver, bool healthy, Uri appUrl)
    {
        if (healthy && TryReset(driver, appUrl))
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
