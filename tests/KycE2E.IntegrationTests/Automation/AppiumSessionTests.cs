using KycE2E.Automation.Configuration;
using KycE2E.Automation.Environment;
using KycE2E.Automation.Mobile;
using KycE2E.Automation.Processes;

namespace KycE2E.IntegrationTests.Automation;

/// <summary>
/// Appium sessions that use a socket: the pool against a real Appium server, and the capabilities that reserve a free loopback
/// port for their chromedriver. The native-build capabilities and the locators are unit tests.
/// </summary>
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
