using KycE2E.Automation.Processes;
using KycE2E.Runner;

namespace KycE2E.UnitTests.Runner;

public sealed class GridTests
{
    private const string Hub = "http://127.0.0.1:4444";

    private static readonly IReadOnlyDictionary<string, string> Suite = MobileCapabilities.Required(null, null);

    /// <summary>A hub's /status as Selenium Grid 4.48 answers it (trimmed to what is read): one node per entry.</summary>
    private static string Status(bool ready, params (string Uri, string Availability, string Stereotype, bool Busy)[] nodes)
    {
        string Slot(string id, string stereotype, bool busy) =>
            "{\"id\": {\"hostId\": \"n\", \"id\": \"" + id + "\"}, \"lastStarted\": \"1970-01-01T00:00:00Z\", \"session\": "
            + (busy ? "{\"sessionId\": \"abc\", \"capabilities\": {}}" : "null") + ", \"stereotype\": " + stereotype + "}";
        var list = nodes.Select(n =>
            "{\"id\": \"n\", \"uri\": \"" + n.Uri + "\", \"maxSessions\": 2, \"availability\": \"" + n.Availability + "\", \"version\": \"4.48.0\", \"slots\": ["
            + Slot("s1", n.Stereotype, n.Busy) + ", " + Slot("s2", n.Stereotype, false) + "]}");
        return "{\"value\": {\"ready\": " + (ready ? "true" : "false") + ", \"message\": \"Selenium Grid ready.\", \"nodes\": [" + string.Join(", ", list) + "]}}";
    }

    private const string Chromium = """{"appium:automationName": "Chromium", "browserName": "chrome", "platformName": "linux"}""";
    private const string Android = """{"appium:automationName": "UiAutomator2", "platformName": "Android", "appium:platformVersion": "14"}""";

    [Test]
    public void A_ready_hub_with_an_up_node_for_the_suites_capabilities_lets_the_run_start_even_with_its_slots_busy()
    {
        var answer = Status(true, ("http://127.0.0.1:5555", "UP", Chromium, true), ("http://127.0.0.1:5556", "DOWN", Chromium, false));

        GridStatus.Refusal(Hub, answer, Suite).Should().BeNull("a busy slot only makes the session wait in the hub's queue");
        GridStatus.Parse(answer).Should().BeEquivalentTo(new { Ready = true, UpNodes = 1 });
        GridStatus.Parse(answer)!.Nodes[0].Slots.Select(s => s.Busy).Should().Equal(true, false);
    }

    [Test]
    public void A_hub_that_does_not_answer_is_one_line_that_says_how_to_start_it() =>
        GridStatus.Refusal(Hub + "/", null, Suite).Should().Be(
            "mobile: nothing answers at http://127.0.0.1:4444/status within 5 s: start the Grid (./e2e grid up) or the Appium server there, or check --grid / Mobile:AppiumUrl.");

    [Test]
    public void A_hub_whose_nodes_offer_other_capabilities_names_what_was_asked_and_what_is_offered() =>
        GridStatus.Refusal(Hub, Status(true, ("http://10.0.0.7:5555", "UP", Android, false)), Suite).Should().Be(
            "mobile: the Selenium Grid at http://127.0.0.1:4444 has no node for {appium:automationName: Chromium, browserName: chrome, platformName: linux}; "
            + "its nodes offer {appium:automationName: UiAutomator2, appium:platformVersion: 14, platformName: Android}. Add a relay node with that stereotype (deploy/grid/node.toml).");

    [Test]
    public void A_hub_without_nodes_says_none_registered() =>
        GridStatus.Refusal(Hub, Status(false), Suite).Should().Be(
            "mobile: the Selenium Grid at http://127.0.0.1:4444 has no node for {appium:automationName: Chromium, browserName: chrome, platformName: linux}; "
            + "its nodes offer nothing (no node registered). Add a relay node with that stereotype (deploy/grid/node.toml).");

    [Test]
    public void A_hub_whose_matching_nodes_are_all_down_or_draining_names_them() =>
        GridStatus.Refusal(Hub, Status(false, ("http://127.0.0.1:5555", "DOWN", Chromium, false), ("http://127.0.0.1:5556", "DRAINING", Chromium, false), ("http://10.0.0.7:5555", "UP", Android, false)), Suite).Should().Be(
            "mobile: the Selenium Grid at http://127.0.0.1:4444 has no node up for {appium:automationName: Chromium, browserName: chrome, platformName: linux}: "
            + "http://127.0.0.1:5555 is DOWN, http://127.0.0.1:5556 is DRAINING (./e2e grid status).");

    [Test]
    public void A_native_profile_asks_for_its_own_automation_and_platform_and_the_platform_matches_without_regard_to_case()
    {
        var native = MobileCapabilities.Required("UiAutomator2", "android");

        native.Should().Equal(new Dictionary<string, string> { ["platformName"] = "android", ["appium:automationName"] = "UiAutomator2" });
        GridStatus.Refusal(Hub, Status(true, ("http://10.0.0.7:5555", "UP", Android, false)), native).Should().BeNull();
        GridStatus.Refusal(Hub, Status(true, ("http://127.0.0.1:5555", "UP", Chromium, false)), native).Should().StartWith("mobile: the Selenium Grid at http://127.0.0.1:4444 has no node for {appium:automationName: UiAutomator2, platformName: android};");
    }

    [TestCase("""{"value": {"ready": true, "message": "The server is ready to accept new connections", "build": {"version": "3.8.0"}}}""")]
    [TestCase("<html>Unauthorized</html>")]
    public void An_answer_that_is_not_a_grids_status_is_left_to_the_session(string answer)
    {
        GridStatus.Parse(answer).Should().BeNull();
        GridStatus.Refusal(Hub, answer, Suite).Should().BeNull();
    }

    [Test]
    public void The_templates_in_deploy_grid_render_with_the_values_grid_up_fills_and_give_each_node_two_sessions()
    {
        var values = new Dictionary<string, string>
        {
            ["HUB_HOST"] = "127.0.0.1", ["HUB_PORT"] = "4444", ["PUBLISH_PORT"] = "4442", ["SUBSCRIBE_PORT"] = "4443",
            ["NODE_HOST"] = "127.0.0.1", ["NODE_PORT"] = "5555", ["APPIUM_URL"] = "http://127.0.0.1:4723",
        };
        var node = LocalGrid.Render(File.ReadAllText(Path.Combine(RepositoryLayout.Root, "deploy", "grid", "node.toml")), values);
        var hub = LocalGrid.Render(File.ReadAllText(Path.Combine(RepositoryLayout.Root, "deploy", "grid", "hub.toml")), values);

        node.Should().Contain("host = \"127.0.0.1\"\nport = 5555").And.Contain("url = \"http://127.0.0.1:4723\"").And.Contain("publish = \"tcp://127.0.0.1:4442\"")
            .And.Contain("grid-url = \"http://127.0.0.1:4444\"")
            .And.Contain("configs = [\n  \"2\", '{\"browserName\": \"chrome\", \"platformName\": \"linux\", \"appium:automationName\": \"Chromium\"}'\n]");
        hub.Should().Contain("port = 4444").And.Contain("subscribe = \"tcp://127.0.0.1:4443\"").And.Contain("healthcheck-interval = 5");
        LocalGrid.SessionsPerNodeOf(node).Should().Be(2);
    }

    [Test]
    public void A_template_value_grid_up_does_not_fill_is_an_error_not_an_empty_string()
    {
        var render = () => LocalGrid.Render("port = ${NODE_PORT}\nurl = \"${APPIUM}\"", new Dictionary<string, string> { ["NODE_PORT"] = "1" });

        render.Should().Throw<UsageException>().WithMessage("grid: the configuration template names ${APPIUM}, which ./e2e grid up does not fill.");
        LocalGrid.Render("max-sessions = 3 # ${NODE_PORT}", new Dictionary<string, string> { ["NODE_PORT"] = "1" }).Should().Be("max-sessions = 3 # 1");
    }

    [Test]
    public void Status_lines_name_the_hub_and_each_node_with_its_appium_and_its_sessions()
    {
        // Pids that cannot exist (above pid_max) read as gone.
        var state = new GridState(1, "http://127.0.0.1:4444", 2, 2,
        [
            new("hub", 99999990, 4444, "h.log"), new("appium 1", 99999991, 4723, "a1.log"), new("node 1", 99999992, 5555, "n1.log"),
            new("appium 2", 99999993, 4724, "a2.log"), new("node 2", 99999994, 5556, "n2.log"),
        ]);
        var answer = GridStatus.Parse(Status(true, ("http://127.0.0.1:5555", "UP", Chromium, true)));

        GridCommand.Describe(state, answer, asked: true).Should().Equal(
            "grid: hub http://127.0.0.1:4444 (pid 99999990, gone): ready, 1 of 2 nodes up",
            "grid: node 1 http://127.0.0.1:5555 (pid 99999992, gone) → Appium http://127.0.0.1:4723 (pid 99999991, gone): UP, 1 of 2 sessions in use",
            "grid: node 2 http://127.0.0.1:5556 (pid 99999994, gone) → Appium http://127.0.0.1:4724 (pid 99999993, gone): not registered");
        GridCommand.Describe(state, null, asked: true).First().Should().Be("grid: hub http://127.0.0.1:4444 (pid 99999990, gone): no answer");
    }

    [Test]
    public void Grid_verbs_and_their_options_are_read_and_bad_values_are_one_line()
    {
        CommandLine.Parse(["grid", "up", "--nodes", "3", "--port", "4444"], ["ci", "local"], 2).Should().Be(new GridVerb("up", 3, 4444));
        CommandLine.Parse(["grid", "up"], ["ci", "local"], 2).Should().Be(new GridVerb("up", 2, null));
        CommandLine.Parse(["grid", "down"], ["ci", "local"], 2).Should().Be(new GridVerb("down"));
        CommandLine.Parse(["grid", "status"], ["ci", "local"], 2).Should().Be(new GridVerb("status"));
        CommandLine.Parse(["test", "--only", "grid-smoke"], ["ci", "local"], 2).Should().Be(new TestVerb(false, "grid-smoke"));
        ((RunVerb)CommandLine.Parse(["run", "--grid", "http://127.0.0.1:4444/"], ["ci", "local"], 2)).Options.Grid.Should().Be("http://127.0.0.1:4444");
        foreach (var (args, message) in new (string[], string)[]
        {
            (["grid"], "grid: use ./e2e grid up [--nodes N] [--port P], ./e2e grid down or ./e2e grid status"),
            (["grid", "up", "--nodes", "0"], "grid up: --nodes is a whole number from 1 to 16, not '0'."),
            (["grid", "up", "--port", "70000"], "grid up: --port is a port number from 1 to 65535, not '70000'."),
            (["grid", "up", "--hub"], "grid up: unknown option '--hub' (see ./e2e help)"),
            (["grid", "down", "--force"], "grid down: unknown option '--force' (see ./e2e help)"),
            (["run", "--grid", "127.0.0.1:4444"], "--grid: the hub's http(s) URL, such as http://127.0.0.1:4444, not '127.0.0.1:4444'."),
            (["run", "--grid"], "--grid needs the hub's URL, e.g. http://127.0.0.1:4444"),
            (["test", "--only", "features"], "test --only: the stages that run alone are: grid-smoke; not 'features'."),
        })
        {
            var parse = () => CommandLine.Parse(args, ["ci", "local"], 2);
            parse.Should().Throw<UsageException>().Which.Message.Should().Be(message);
        }
    }

    [Test]
    public async Task A_run_through_a_ready_grid_sends_the_mobile_sessions_to_the_hub_and_starts_no_appium()
    {
        using var workspace = new RunnerWorkspace();
        workspace.Set("RUN_ID", "g1");
        workspace.FetchAnswer = Status(true, ("http://127.0.0.1:5555", "UP", Chromium, false), ("http://127.0.0.1:5556", "UP", Chromium, false));
        workspace.Dotnet.OnTest = t => { workspace.Results(t, 1, ("a", KycE2E.Reporting.Outcome.Passed)); return 0; };

        var code = await new SuiteRun(workspace.Suite).ExecuteAsync(RunnerWorkspace.Options(platform: "mobile") with { Grid = Hub });

        code.Should().Be(ExitCodes.Passed);
        workspace.Fetched.Should().Equal(new Uri("http://127.0.0.1:4444/status"));
        workspace.Dotnet.Tests.Should().ContainSingle().Which.Environment["KYCE2E_Mobile__AppiumUrl"].Should().Be(Hub);
        workspace.Output.ToString().Should().Contain("e2e: mobile sessions through the Selenium Grid at http://127.0.0.1:4444 (2 nodes up, 4 sessions at most)");
    }

    [Test]
    public async Task A_hub_that_is_down_stops_the_run_with_exit_2_before_the_build_and_a_web_run_does_not_ask_it()
    {
        using var workspace = new RunnerWorkspace();
        workspace.Set("KYCE2E_Mobile__AppiumUrl", "http://127.0.0.1:9");
        workspace.Dotnet.BuildCode = 1; // a build would end the run with exit 1, not 2

        var run = () => new SuiteRun(workspace.Suite).ExecuteAsync(RunnerWorkspace.Options());

        (await run.Should().ThrowAsync<UsageException>()).Which.Should().BeEquivalentTo(new
        {
            Message = "mobile: nothing answers at http://127.0.0.1:9/status within 5 s: start the Grid (./e2e grid up) or the Appium server there, or check --grid / Mobile:AppiumUrl.",
            ExitCode = ExitCodes.Environment,
        });
        workspace.Dotnet.Tests.Should().BeEmpty();
        workspace.Dotnet.BuildCode = 0;

        workspace.Dotnet.OnTest = t => { workspace.Results(t, 1, ("a", KycE2E.Reporting.Outcome.Passed)); return 0; };
        (await new SuiteRun(workspace.Suite).ExecuteAsync(RunnerWorkspace.Options(platform: "web"))).Should().Be(ExitCodes.Passed);
        workspace.Fetched.Should().ContainSingle("only the run that had mobile scenarios asked");
    }
}
