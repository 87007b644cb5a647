using KycE2E.Automation.Configuration;
using KycE2E.Automation.Environment;
using KycE2E.Automation.Processes;
using KycE2E.Automation.Mobile;

namespace KycE2E.UnitTests.Automation;

public sealed class AppiumSessionTests
{
    [Test]
    public void The_web_app_runs_in_Chromium_with_phone_emulation_and_its_own_chromedriver_port()
    {
        var caps = AppiumSessionFactory.Capabilities(new MobileSettings { Device = "iPhone 14 Pro Max" }).ToCapabilities();

        caps.GetCapability("appium:automationName").Should().Be("Chromium");
        caps.GetCapability("appium:executable").Should().Be("/usr/bin/chromedriver");
        caps.GetCapability("appium:chromedriverPort").Should().BeOfType<int>().Which.Should().BePositive();
        var chrome = caps.GetCapability("goog:chromeOptions").Should().BeAssignableTo<IDictionary<string, object>>().Subject;
        chrome["mobileEmulation"].Should().BeAssignableTo<IDictionary<string, object>>().Which["deviceName"].Should().Be("iPhone 14 Pro Max");
    }

    [Test]
    public void A_native_build_gets_W3C_capabilities_with_appium_prefixes_from_configuration()
    {
        var settings = new MobileSettings { AutomationName = "XCUITest", PlatformName = "iOS", Device = "iPhone 15", BundleId = "test.sandbox.exchange" };

        var caps = AppiumSessionFactory.Capabilities(settings).ToCapabilities();

        caps.GetCapability("platformName").Should().Be("iOS");
        caps.GetCapability("appium:automationName").Should().Be("XCUITest");
        caps.GetCapability("appium:bundleId").Should().Be("test.sandbox.exchange");
        caps.GetCapability("appium:app").Should().BeNull("an empty setting is not sent");
    }

    [Test]
    public void The_device_farm_profile_without_its_URL_says_what_to_export()
    {
        var load = () => SuiteConfiguration.Load(
            [new("Profile", "device-farm"), new("Mobile:AutomationName", "UiAutomator2"), new("Mobile:App", "app.apk")], Path.GetTempPath());

        load.Should().Throw<SuiteConfigurationException>().WithMessage("*device-farm*Mobile:AppiumUrl*KYCE2E_Mobile__AppiumUrl*");
    }

    [Test]
    public void The_accessibility_id_locator_set_finds_by_accessibility_id()
    {
        var by = AppLocators.Named("accessibility-id").For(AppScreens.VerificationStatus.Retry);

        by.Mechanism.Should().Be("accessibility id");
        by.Criteria.Should().Be("retry-button");
        AppLocators.TestIds.For(AppScreens.VerificationStatus.Retry).Criteria.Should().Be("[data-testid='retry-button']");
    }

    [Test]
    [NonParallelizable]
    public async Task A_stopped_Appium_server_fails_the_next_session_at_once_with_its_address()
    {
        var runDir = Directory.CreateTempSubdirectory("kyce2e-appium-").FullName;
        var (server, url) = await AppiumServer.StartAsync(new SuiteSettings(), runDir);
        await using var pool = new AppiumSessionPool(new MobileSettings(), url, TimeSpan.FromSeconds(30), server.LogPath);
        await server.DisposeAsync();

        var rent = () => pool.RentAsync();

        // The pool asks the server's /status before any session command, so this is the answer, not a session timeout.
        (await rent.Should().ThrowAsync<EnvironmentSetupException>().WithMessage($"Appium server unreachable at {url}*"))
            .WithInnerException<HttpRequestException>();
        Directory.Delete(runDir, recursive: true);
    }
}
