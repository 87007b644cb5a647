using KycE2E.Automation.Configuration;
using KycE2E.Automation.Environment;
using KycE2E.Automation.Processes;
using KycE2E.Automation.Mobile;

namespace KycE2E.UnitTests.Automation;

public sealed class AppiumSessionTests
{
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
}
