using KycE2E.Automation.Artifacts;
using KycE2E.Automation.Configuration;
using KycE2E.Automation.Web;
using Microsoft.Playwright;

namespace KycE2E.IntegrationTests.Automation;

/// <summary>
/// A browser that crashes in the middle of a scenario (killed with SIGKILL, as the OOM killer would) fails that
/// scenario only: its evidence is still written, the pool never hands the dead browser out again, and the next
/// scenario gets a working one.
/// </summary>
public sealed class SessionCrashTests
{
    // A bound for a hang only: each call below normally returns within a second or two.
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(2);

    private string _runDir = null!;
    private LocalPage _page = null!;
    private SuiteSettings _settings = null!;

    [SetUp]
    public void SetUp()
    {
        _runDir = Directory.CreateTempSubdirectory("kyce2e-crash-").FullName;
        _page = new LocalPage();
        _settings = new SuiteSettings();
    }

    [TearDown]
    public void TearDown()
    {
        _page.Dispose();
        Directory.Delete(_runDir, recursive: true);
    }

    [Test]
    public async Task A_browser_killed_mid_scenario_fails_the_scenario_keeps_its_evidence_and_the_next_session_gets_a_new_browser()
    {
        await using var pool = new BrowserPool(_settings.Web);
        var artifacts = new ScenarioArtifacts(_runDir, "Crashes", "The browser dies mid-scenario", "web");
        var session = await WebSession.StartAsync(pool, _settings, _page.Url, artifacts);
        await session.Page.GotoAsync("/verification");
        (await session.Page.TextContentAsync("#state")).Should().Be(LocalPage.Heading);
        var browser = session.Context.Browser!;
        var disconnected = Disconnected(browser);

        await ProcessTree.KillHardAsync(await BrowserPidAsync(browser));

        // The scenario's next action fails: this is what fails the scenario.
        var next = () => session.Page.ReloadAsync();
        await next.Should().ThrowAsync<PlaywrightException>();
        await disconnected.WaitAsync(HangGuard);

        // The hooks' failure path neither throws nor hangs, and says in the evidence what happened.
        await session.Invoking(s => s.CaptureFailureAsync().WaitAsync(HangGuard)).Should().NotThrowAsync();
        await session.Invoking(s => s.EndAsync(failed: true).WaitAsync(HangGuard)).Should().NotThrowAsync();
        var note = artifacts.Files.Should().ContainSingle(f => Path.GetFileName(f) == "capture-error.txt").Which;
        var text = await File.ReadAllTextAsync(note);
        text.Should().Contain("browser").And.Contain("/verification", "the last page the scenario was on is part of the evidence");

        await NextScenarioRunsInANewBrowserAsync(pool, browser);
    }

    [Test]
    public async Task A_browser_that_died_idle_in_the_pool_is_not_handed_out_again()
    {
        await using var pool = new BrowserPool(_settings.Web);
        var (browser, pid) = await PassedScenarioAsync(pool);
        var disconnected = Disconnected(browser);

        await ProcessTree.KillHardAsync(pid);
        await disconnected.WaitAsync(HangGuard);

        // The pool itself checks the browser it hands out.
        var rented = await pool.RentAsync().WaitAsync(HangGuard);
        rented.Should().NotBeSameAs(browser, "the idle browser is dead");
        rented.IsConnected.Should().BeTrue();
        await pool.ReturnAsync(rented, healthy: true);

        await NextScenarioRunsInANewBrowserAsync(pool, browser);
    }

    [Test]
    public async Task A_browser_killed_idle_just_before_the_next_scenario_starts_is_replaced_by_a_new_one()
    {
        await using var pool = new BrowserPool(_settings.Web);
        var (browser, pid) = await PassedScenarioAsync(pool);

        // No wait for Playwright to notice: the next scenario starts before the disconnect has reached the pool,
        // so the browser still counts as connected when it is rented and only its first command finds it dead.
        ProcessTree.KillHard(pid);

        await NextScenarioRunsInANewBrowserAsync(pool, browser);
    }

    /// <summary>The next scenario: a new, live browser from the same pool, not the dead one, and the page works.</summary>
    private async Task NextScenarioRunsInANewBrowserAsync(BrowserPool pool, IBrowser dead)
    {
        var next = await WebSession.StartAsync(pool, _settings, _page.Url, new ScenarioArtifacts(_runDir, "Crashes", "The next scenario", "web")).WaitAsync(HangGuard);
        next.Context.Browser.Should().NotBeSameAs(dead, "the old browser is dead");
        next.Context.Browser!.IsConnected.Should().BeTrue();
        await next.Page.GotoAsync("/next");
        (await next.Page.TextContentAsync("#state")).Should().Be(LocalPage.Heading);
        await next.EndAsync(failed: false);
    }

    private static Task Disconnected(IBrowser browser)
    {
        var gone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        browser.Disconnected += (_, _) => gone.TrySetResult();
        if (!browser.IsConnected)
        {
            gone.TrySetResult();
        }

        return gone.Task;
    }

    /// <summary>The browser process's id as Chromium itself reports it, checked to be one this test process started.</summary>
    /// <summary>A scenario that passed and handed its browser back to the pool: that browser and its process id.</summary>
    private async Task<(IBrowser Browser, int Pid)> PassedScenarioAsync(BrowserPool pool)
    {
        var first = await WebSession.StartAsync(pool, _settings, _page.Url, new ScenarioArtifacts(_runDir, "Crashes", "Healthy", "web"));
        await first.Page.GotoAsync("/");
        var browser = first.Context.Browser!;
        var pid = await BrowserPidAsync(browser);
        await first.EndAsync(failed: false);
        return (browser, pid);
    }

    private static async Task<int> BrowserPidAsync(IBrowser browser)
    {
        var cdp = await browser.NewBrowserCDPSessionAsync();
        var info = await cdp.SendAsync("SystemInfo.getProcessInfo");
        await cdp.DetachAsync();
        var pid = info!.Value.GetProperty("processInfo").EnumerateArray()
            .Single(p => p.GetProperty("type").GetString() == "browser").GetProperty("id").GetInt32();
        ProcessTree.ChromiumBrowsersBelow(System.Environment.ProcessId).Should().Contain(pid, "the browser is one this test started");
        return pid;
    }
}
