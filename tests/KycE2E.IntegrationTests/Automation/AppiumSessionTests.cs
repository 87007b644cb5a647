using KycE2E.Automation.Configuration;
using KycE2E.Automation.Environment;
using KycE2E.Automation.Mobile;

namespace KycE2E.IntegrationTests.Automation;

/// <summary>The Appium session pool against a real Appium server; the capabilities and locators are unit tests.</summary>
public sealed class AppiumSessionTests
{
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
