using OpenQA.Selenium;
using OpenQA.Selenium.Remote;
using KycE2E.Automation.Artifacts;

namespace KycE2E.Automation.Mobile;

/// <summary>One scenario on the phone app: a pooled Appium session with a clean app state.</summary>
public sealed class MobileSession(AppiumSessionPool pool, RemoteWebDriver driver, Uri appUrl)
{
    public RemoteWebDriver Driver => driver;

    public Uri AppUrl => appUrl;

    public static MobileSession Start(AppiumSessionPool pool, Uri baseUrl) => new(pool, pool.Rent(), new Uri(baseUrl, "app/"));

    /// <summary>Screenshot and page source into the scenario's folder.</summary>
    public async Task CaptureFailureAsync(ScenarioArtifacts artifacts)
    {
        try
        {
            await artifacts.SaveAsync("screenshot.png", driver.GetScreenshot().AsByteArray);
            await artifacts.SaveAsync("page-source.html", driver.PageSource);
        }
        catch (WebDriverException e)
        {
            await artifacts.SaveAsync("capture-error.txt", $"The app could not be captured: {e.Message}");
        }
    }

    public void End(bool failed) => pool.Return(driver, healthy: !failed, appUrl);
}
