using KycE2E.Automation.Configuration;
using KycE2E.Automation.Processes;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Remote;

namespace KycE2E.Automation.Mobile;

/// <summary>
/// W3C capabilities from configuration: the sandbox's web app in Chromium with phone emulation (Appium's Chromium
/// driver), or a native build on a device farm (UiAutomator2 / XCUITest), all with the appium: prefix.
/// </summary>
public static class AppiumSessionFactory
{
    public static DriverOptions Capabilities(MobileSettings settings) =>
        settings.IsNativeApp ? NativeApp(settings) : WebAppInChromium(settings);

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

    private static ChromeOptions WebAppInChromium(MobileSettings settings)
    {
        var options = new ChromeOptions { BinaryLocation = settings.BrowserPath, PlatformName = "linux" };
        options.AddArguments(ChromiumArguments.All);
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

    private static NativeAppOptions NativeApp(MobileSettings settings)
    {
        var options = new NativeAppOptions { PlatformName = settings.PlatformName };
        options.AddAdditionalOption("appium:automationName", settings.AutomationName);
        options.AddAdditionalOption("appium:deviceName", settings.Device);
        options.AddAdditionalOption("appium:newCommandTimeout", 300);
        foreach (var (name, value) in new[]
                 {
                     ("app", settings.App), ("appPackage", settings.AppPackage), ("appActivity", settings.AppActivity),
                     ("bundleId", settings.BundleId), ("platformVersion", settings.PlatformVersion),
                 })
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                options.AddAdditionalOption($"appium:{name}", value);
            }
        }

        return options;
    }

    /// <summary>Plain W3C options for a native app: the Appium client library is not needed to say them.</summary>
    private sealed class NativeAppOptions : DriverOptions
    {
        public override ICapabilities ToCapabilities() => GenerateDesiredCapabilities(true).AsReadOnly();
    }
}
