using System.Diagnostics;
using KycE2E.Documents;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Interactions;
using OpenQA.Selenium.Remote;
using OpenQA.Selenium.Support.UI;

namespace KycE2E.Bench.Plain;

/// <summary>
/// The happy retry on the phone app as a plain Selenium script against Appium: the same capabilities, taps, typing
/// and waits as the suite's steps, with no SpecFlow, no screen objects, no hooks and no evidence on failure.
/// </summary>
internal static class PlainMobileScript
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>A session as the suite asks for one: the web app in Chromium, Pixel 7 emulation, its own chromedriver port.</summary>
    public static RemoteWebDriver StartSession(Uri appium, int chromedriverPort)
    {
        var options = new ChromeOptions { BinaryLocation = "/usr/bin/chromium", PlatformName = "linux" };
        options.AddArguments("--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--disable-dev-shm-usage", "--disable-gpu", "--headless=new");
        options.EnableMobileEmulation("Pixel 7");
        options.AddAdditionalOption("appium:automationName", "Chromium");
        options.AddAdditionalOption("appium:executable", "/usr/bin/chromedriver");
        options.AddAdditionalOption("appium:newCommandTimeout", 300);
        options.AddAdditionalOption("appium:autodownloadEnabled", false);
        options.AddAdditionalOption("appium:chromedriverPort", chromedriverPort);
        return new RemoteWebDriver(appium, options.ToCapabilities(), TimeSpan.FromSeconds(60));
    }

    /// <summary>A user rejected for a blurry photo retries with sharp photos and is approved (on the phone app).</summary>
    public static async Task<double> HappyRetryAsync(RemoteWebDriver driver, Uri baseUrl, PlainApi api, string uploadDir)
    {
        var clock = Stopwatch.StartNew();
        var (userId, email, password) = await api.SeedRejectedAsync("PHOTO_BLURRY");
        var app = new Uri(baseUrl, "app/");
        driver.Navigate().GoToUrl(new Uri(app, "?lang=en#/login"));
        Type(driver, "app-login-email", email);
        Type(driver, "app-login-password", password);
        Tap(driver, "app-login-submit");
        Shown(driver, "tab-profile");

        Tap(driver, "tab-profile");
        ShownWithText(driver, "profile-personal-center", "Personal center");
        Tap(driver, "profile-personal-center");
        ShownWithText(driver, "center-identity-verification", "Identity verification");
        Tap(driver, "center-identity-verification");
        Tap(driver, "retry-button");

        var (holder, front, back) = PlainApi.Papers(await api.TodayAsync(), PhotoVariant.Clear);
        Pick(driver, "field-region", "CN");
        Pick(driver, "field-documentType", "id_card");
        Type(driver, "field-fullName", holder.ChineseName ?? holder.LatinName!.ToString());
        Type(driver, "field-documentNumber", holder.DocumentNumber);
        Pick(driver, "field-dateOfBirth", holder.DateOfBirth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Choose(driver, "frontImage", front, uploadDir);
        Choose(driver, "backImage", back, uploadDir);

        Tap(driver, "form-next");
        Shown(driver, "form-check");
        ShownWithText(driver, "form-submit", "Submit");
        Tap(driver, "form-submit");

        Wait(driver).Until(d => d.FindElements(By.CssSelector("[data-testid='verification-status']"))
            .Any(e => e.GetAttribute("data-status") == "pending" && e.Text.Trim() == "Under review"));
        Shown(driver, "pending-note");
        Wait(driver).Until(d => d.FindElements(By.CssSelector("[data-testid='expected-review-time']"))
            .Any(e => (e.GetAttribute("data-expected-review-by") ?? "").Contains('T', StringComparison.Ordinal)));

        await api.AdvanceClockAsync(userId, 3);
        driver.Navigate().Refresh();
        Wait(driver).Until(d => d.FindElements(By.CssSelector("[data-testid='verification-status']"))
            .Any(e => e.GetAttribute("data-status") == "approved" && e.Text.Trim() == "Verified"));
        if (await api.ApprovedMessagesAsync(userId, email) != 1)
        {
            throw new InvalidOperationException("The approval was not notified exactly once.");
        }

        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>A clean app for the next scenario, as the suite leaves a reused session.</summary>
    public static void Reset(RemoteWebDriver driver)
    {
        driver.ExecuteScript("localStorage.clear(); sessionStorage.clear();");
        driver.Manage().Cookies.DeleteAllCookies();
        driver.Navigate().GoToUrl("about:blank");
    }

    private static WebDriverWait Wait(IWebDriver driver)
    {
        // The same polling as the suite's waits, so the comparison is of the framework, not of the polling.
        var wait = new WebDriverWait(driver, Timeout) { PollingInterval = TimeSpan.FromMilliseconds(50) };
        wait.IgnoreExceptionTypes(typeof(StaleElementReferenceException));
        return wait;
    }

    private static IWebElement Shown(IWebDriver driver, string testId) =>
        Wait(driver).Until(d => d.FindElements(By.CssSelector($"[data-testid='{testId}']")).FirstOrDefault(e => e.Displayed))!;

    private static void ShownWithText(IWebDriver driver, string testId, string text) =>
        Wait(driver).Until(d => d.FindElements(By.CssSelector($"[data-testid='{testId}']")).FirstOrDefault(e => e.Displayed && e.Text.Contains(text, StringComparison.Ordinal)));

    private static void Tap(RemoteWebDriver driver, string testId)
    {
        var target = Shown(driver, testId);
        driver.ExecuteScript("arguments[0].scrollIntoView({block: 'center'});", target);
        var finger = new PointerInputDevice(PointerKind.Touch, "finger");
        var tap = new ActionSequence(finger);
        tap.AddAction(finger.CreatePointerMove(target, 0, 0, TimeSpan.Zero));
        tap.AddAction(finger.CreatePointerDown(MouseButton.Touch));
        tap.AddAction(finger.CreatePointerUp(MouseButton.Touch));
        driver.PerformActions([tap]);
    }

    private static void Type(IWebDriver driver, string testId, string text)
    {
        var field = Shown(driver, testId);
        field.Clear();
        field.SendKeys(text);
    }

    private static void Pick(RemoteWebDriver driver, string testId, string value) =>
        driver.ExecuteScript(
            "const el = arguments[0]; el.value = arguments[1]; el.dispatchEvent(new Event('input', {bubbles: true})); el.dispatchEvent(new Event('change', {bubbles: true}));",
            Shown(driver, testId), value);

    private static void Choose(IWebDriver driver, string field, DocumentPhoto photo, string uploadDir)
    {
        var path = Path.Combine(uploadDir, $"{field}-{Guid.NewGuid():N}.jpg");
        File.WriteAllBytes(path, photo.Bytes.ToArray());
        Wait(driver).Until(d => d.FindElements(By.CssSelector($"[data-testid='field-{field}']")).FirstOrDefault())!.SendKeys(path);
        Shown(driver, $"preview-{field}");
    }
}
