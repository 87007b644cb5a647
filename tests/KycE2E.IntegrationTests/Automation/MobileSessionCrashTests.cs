using KycE2E.Automation.Artifacts;
using KycE2E.Automation.Configuration;
using KycE2E.Automation.Environment;
using KycE2E.Automation.Processes;
using KycE2E.Automation.Mobile;
using OpenQA.Selenium;

namespace KycE2E.IntegrationTests.Automation;

/// <summary>
/// An Appium session whose chromedriver or Chromium is killed (SIGKILL) fails its scenario only: the failure path
/// still saves what it can, and the next scenario gets a fresh, working session, also when the session died while
/// it waited idle in the pool.
/// </summary>
public sealed class MobileSessionCrashTests
{
    // A bound for a hang only: each call below normally returns within a second or two.
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(2);

    private string _runDir = null!;
    private LocalPage _page = null!;
    private ChildProcess _server = null!;
    private Uri _url = null!;

    [OneTimeSetUp]
    public async Task StartServerAsync()
    {
        _runDir = Directory.CreateTempSubdirectory("kyce2e-appium-crash-").FullName;
        _page = new LocalPage();
        (_server, _url) = await AppiumServer.StartAsync(new SuiteSettings(), _runDir);
    }

    [OneTimeTearDown]
    public async Task StopServerAsync()
    {
        await _server.DisposeAsync();
        _page.Dispose();
        Directory.Delete(_runDir, recursive: true);
    }

    [TestCase(Victim.Chromedriver)]
    [TestCase(Victim.Chromium)]
    public async Task A_session_whose_driver_or_browser_is_killed_mid_scenario_fails_it_and_the_next_scenario_gets_a_fresh_session(Victim victim)
    {
        await using var pool = NewPool();
        var artifacts = new ScenarioArtifacts(_runDir, "Crashes", $"The {victim} dies mid-scenario", "mobile");
        var (session, chromedriver) = await StartOnStatusPageAsync(pool, artifacts);
        var sessionId = session.Driver.SessionId.ToString();
        session.Driver.FindElement(By.Id("state")).Text.Should().Be(LocalPage.Heading);

        await ProcessTree.KillHardAsync(PidOf(victim, chromedriver));

        // The scenario's next action fails: this is what fails the scenario.
        var next = () => session.Driver.FindElement(By.Id("state"));
        next.Should().Throw<WebDriverException>();

        await session.Invoking(s => s.CaptureFailureAsync().WaitAsync(HangGuard)).Should().NotThrowAsync();
        await session.Invoking(s => Task.Run(() => s.EndAsync(failed: true)).WaitAsync(HangGuard)).Should().NotThrowAsync();
        var saved = artifacts.Files.Where(File.Exists).Select(Path.GetFileName).ToList();
        saved.Should().Contain(["capture-error.txt", "appium-log.txt"]);
        (await File.ReadAllTextAsync(artifacts.PathFor("appium-log.txt"))).Should().Contain(sessionId);

        var fresh = await StartAsync(pool, "The next scenario");
        fresh.Driver.SessionId.ToString().Should().NotBe(sessionId);
        fresh.Open("next");
        fresh.Driver.FindElement(By.Id("state")).Text.Should().Be(LocalPage.Heading);
        await fresh.EndAsync(failed: false);
    }

    [TestCase(Victim.Chromedriver)]
    [TestCase(Victim.Chromium)]
    public async Task A_session_that_died_idle_in_the_pool_is_replaced_on_the_next_rent(Victim victim)
    {
        await using var pool = NewPool();
        var (first, chromedriver) = await StartOnStatusPageAsync(pool, Artifacts("Healthy"));
        var firstId = first.Driver.SessionId;
        await first.EndAsync(failed: false);
        var pid = PidOf(victim, chromedriver);

        await ProcessTree.KillHardAsync(pid);
        var next = await Task.Run(() => StartAsync(pool, "The next scenario")).WaitAsync(HangGuard);

        next.Driver.SessionId.Should().NotBe(firstId, "the idle session is dead");
        next.Open("next");
        next.Driver.FindElement(By.Id("state")).Text.Should().Be(LocalPage.Heading);
        await next.EndAsync(failed: false);
    }

    [Test]
    public async Task A_passed_scenario_whose_session_died_offline_ends_without_throwing_and_the_session_is_not_reused()
    {
        await using var pool = NewPool();
        var (session, chromedriver) = await StartOnStatusPageAsync(pool, Artifacts("Offline"));
        var sessionId = session.Driver.SessionId;
        session.SetOffline(true); // a @network scenario: ending it puts the phone back online first

        await ProcessTree.KillHardAsync(chromedriver);
        await session.Invoking(s => Task.Run(() => s.EndAsync(failed: false)).WaitAsync(HangGuard)).Should().NotThrowAsync();

        var next = await StartAsync(pool, "The next scenario");
        next.Driver.SessionId.Should().NotBe(sessionId);
        next.Open("next");
        next.Driver.FindElement(By.Id("state")).Text.Should().Be(LocalPage.Heading);
        await next.EndAsync(failed: false);
    }

    [Test]
    public async Task A_healthy_idle_session_is_reused()
    {
        await using var pool = NewPool();
        var first = await StartAsync(pool, "Healthy");
        first.Open("status");
        await first.EndAsync(failed: false);

        var next = await StartAsync(pool, "The next scenario");

        next.Driver.SessionId.Should().Be(first.Driver.SessionId, "the check on rent does not throw live sessions away");
        await next.EndAsync(failed: false);
    }

    public enum Victim
    {
        Chromedriver,
        Chromium,
    }

    private AppiumSessionPool NewPool() => new(new MobileSettings(), _url, TimeSpan.FromSeconds(60), _server.LogPath);

    private ScenarioArtifacts Artifacts(string scenario) => new(_runDir, "Crashes", scenario, "mobile");

    private Task<MobileSession> StartAsync(AppiumSessionPool pool, string scenario) => StartAsync(pool, Artifacts(scenario));

    private Task<MobileSession> StartAsync(AppiumSessionPool pool, ScenarioArtifacts artifacts) =>
        MobileSession.StartAsync(pool, new SuiteSettings(), _page.Url, artifacts);

    /// <summary>A scenario's session on the status page, and the chromedriver that serves it (each session has its own).</summary>
    private async Task<(MobileSession Session, int Chromedriver)> StartOnStatusPageAsync(AppiumSessionPool pool, ScenarioArtifacts artifacts)
    {
        var before = Chromedrivers();
        var session = await StartAsync(pool, artifacts);
        var chromedriver = Chromedrivers().Except(before).Should().ContainSingle("the session has its own chromedriver").Subject;
        session.Open("status");
        return (session, chromedriver);
    }

    private HashSet<int> Chromedrivers() =>
        [.. ProcessTree.Descendants(_server.Pid).Where(p => Path.GetFileName(ProcessTree.Executable(p)) == "chromedriver")];

    private static int PidOf(Victim victim, int chromedriver) => victim switch
    {
        Victim.Chromedriver => chromedriver,
        _ => ProcessTree.ChromiumBrowsersBelow(chromedriver).Should().ContainSingle("chromedriver started one browser").Subject,
    };
}
