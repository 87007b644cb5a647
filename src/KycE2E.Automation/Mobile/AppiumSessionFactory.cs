using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Remote;
using KycE2E.Automation.Configuration;
using KycE2E.Automation.Environment;
using KycE2E.Automation.Web;

namespace KycE2E.Automation.Mobile;

/// <summary>W3C capabilities for the sandbox's mobile app in Chromium with phone emulation, spoken to Appium's Chromium driver.</summary>
public static class AppiumSessionFactory
{
    public static ChromeOptions Capabilities(MobileSettings settings)
    {
        var options = new ChromeOptions { BinaryLocation = settings.BrowserPath, PlatformName = "linux" };
        options.AddArguments(BrowserPool.ChromiumArgs);
        options.AddArgument("--disable-gpu");
        if (settings.Headless)
        {
            options.AddArgument("--headless=new");
        }

        options.EnableMobileEmulation(settings.Device);
        options.AddAdditionalOption("appium:automationName", "Chromium");
        options.AddAdditionalOption("appium:executable", settings.ChromedriverPath);
        options.AddAdditionalOption("appium:newCommandTimeout", 300);
        options.AddAdditionalOption("appium:autodownloadEnabled", false);
        // Each session gets its own chromedriver: on the default port a second session would replace the first's.
        options.AddAdditionalOption("appium:chromedriverPort", LoopbackPort.Free());
        return options;
    }

    public static RemoteWebDriver Create(MobileSettings settings, Uri appiumUrl, TimeSpan timeout)
    {
        try
        {
            return new RemoteWebDriver(appiumUrl, Capabilities(settings).ToCapabilities(), timeout);
        }
        catch (WebDriverException e) when (e.InnerException is HttpRequestException || e.Message.Contains("refused", StringComparison.OrdinalIgnoreCase))
        {
            throw new EnvironmentSetupException($"Appium server unreachable at {appiumUrl}: {e.Message.Split('\n')[0]}", e);
        }
    }
}
