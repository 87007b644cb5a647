using System.Diagnostics;
using System.Globalization;
using KycE2E.Reporting;

namespace KycE2E.Runner;

/// <summary>
/// ./e2e test, what CI checks: the test projects of tests/test-projects.tsv, every feature (ci profile), the smoke scenarios
/// through remote engines, the start-up error and Ctrl-C drills, then the summary over every TRX file of the run.
/// </summary>
public sealed class SuiteTest(Suite suite)
{
    public const string ProjectList = "tests/test-projects.tsv";

    /// <summary>The stage <c>./e2e test --only grid-smoke</c> runs by itself.</summary>
    public const string GridSmoke = "grid-smoke";

    private const string GridSmokeTitle =
        "grid smoke: the smoke scenarios through remote engines: 2 Playwright browser servers (Web:WsEndpoint) and a Selenium Grid of 2 relay nodes with their Appium servers (Mobile:AppiumUrl)";

    public async Task<int> ExecuteAsync(bool verbose = false, string? only = null)
    {
        await suite.BuildAsync();
        var runId = suite.Variable("RUN_ID") is { Length: > 0 } id ? id : suite.NewRunId() + "-test";
        var environment = new Dictionary<string, string?> { ["KYCE2E_Run__Id"] = runId, ["KYCE2E_COMMIT"] = suite.Commit };
        if (only == GridSmoke)
        {
            suite.Say(GridSmokeTitle);
            var smoke = await RemoteSmokeAsync(runId, environment, verbose);
            if (suite.WasInterrupted)
            {
                return ExitCodes.Interrupted;
            }

            suite.Summarize($"{runId}/remote");
            return smoke == 0 ? ExitCodes.Passed : ExitCodes.Failed;
        }

        var code = ExitCodes.Passed;
        foreach (var project in TestProjects(suite.Repository))
        {
            suite.Say(project.Title);
            code = Worst(code, await SectionAsync(new TestInvocation(project.Path, project.Name, runId, null, "", null, environment), ConsoleForm.Tests, verbose));
            if (suite.WasInterrupted)
            {
                return ExitCodes.Interrupted;
            }
        }

        suite.Say("features on web and mobile (ci profile)");
        var features = new Dictionary<string, string?>(environment) { ["KYCE2E_Run__Warmup"] = suite.Variable("KYCE2E_Run__Warmup") ?? "web,mobile" };
        code = Worst(code, await SectionAsync(new TestInvocation(Repository.Specs, "specs", runId, "runsettings/ci.runsettings", "", 2, features), ConsoleForm.Scenarios, verbose));
        if (suite.WasInterrupted)
        {
            return ExitCodes.Interrupted;
        }

        // The features' closing table and failures, as ./e2e run ends (the test host wrote the report itself).
        suite.Output.WriteLine(RunReport.From([suite.Repository.RunDir(runId)]).Summary(Path.Combine(suite.Repository.RunDir(runId), RunIndex.FileName)));

        suite.Say(GridSmokeTitle);
        code = Worst(code, await RemoteSmokeAsync(runId, environment, verbose));
        foreach (var (title, drill) in new[]
        {
            ("start-up error drill: a bad setting or an unreachable environment stops a run at once with exit 2 and one line", new[] { "tests/drills/start-errors.sh" }),
            ("Ctrl-C drill: a run interrupted mid-way leaves no process behind and writes its report", ["tests/drills/interrupt.sh", "--env", "ci", "--platform", "web"]),
            ("contract drill: ./e2e contract passes on the clean sandbox and names exactly the two contract defects", ["tests/drills/contract.sh"]),
            ("staging drill: a sandbox started apart with a renamed element, run in the staging profile with a locator map and declared lacks", ["tests/drills/staging.sh"]),
        })
        {
            if (suite.WasInterrupted)
            {
                return ExitCodes.Interrupted;
            }

            suite.Say(title);
            code = Worst(code, await DrillAsync(drill));
        }

        if (suite.WasInterrupted)
        {
            return ExitCodes.Interrupted;
        }

        suite.Summarize(runId);
        return suite.EnvironmentFailed(runId) ? ExitCodes.Environment : code;
    }

    /// <summary>The test projects, one line each ("name, tab, project, tab, title"); a project not in the repository is left out.</summary>
    public static IReadOnlyList<TestProject> TestProjects(Repository repository)
    {
        var file = repository.Path(ProjectList);
        return !File.Exists(file)
            ? throw new UsageException($"no {ProjectList}: the list of test projects ./e2e test runs is missing.")
            : [.. TestProject.Parse(File.ReadAllLines(file)).Where(p => Directory.Exists(repository.Path(p.Path)))];
    }

    private static int Worst(int code, int result) => result == 0 ? code : ExitCodes.Failed;

    /// <summary>
    /// The smoke scenarios once more through remote engines started on loopback, the way a team's pools are used: two
    /// Playwright browser servers (Web:WsEndpoint, the workers' browsers spread over them) and a Selenium Grid 4 hub with
    /// two relay nodes, each in front of its own Appium server (Mobile:AppiumUrl). They start side by side.
    /// </summary>
    private async Task<int> RemoteSmokeAsync(string runId, Dictionary<string, string?> environment, bool verbose)
    {
        var root = suite.Repository.Root;
        var playwright = suite.Repository.Path("tests", "KycE2E.Specs", "bin", suite.Repository.Configuration, "net10.0", ".playwright");
        // Their logs echo what was typed (passwords): kept outside artifacts/ and removed with the servers.
        var logs = Directory.CreateTempSubdirectory("kyce2e-remote-").FullName;
        var me = System.Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        var ports = new[] { Random.Shared.Next(20000, 40000), 0 };
        ports[1] = ports[0] + 1;
        var clock = Stopwatch.StartNew();
        var started = new List<IAsyncDisposable>();
        try
        {
            var grid = LocalGrid.StartAsync(suite.Repository, 2, null, suite.Fetch, suite.Interrupted, Path.Combine(logs, "grid"));
            var servers = ports.Select(port => ServerProcess.StartAsync(
                Path.Combine(playwright, "node", "linux-x64", "node"),
                ["tools/playwright/serve.mjs", Path.Combine(playwright, "package"), port.ToString(CultureInfo.InvariantCulture), me],
                root, Path.Combine(logs, $"playwright-{port}.log"), suite.Interrupted)).ToList();
            foreach (var task in servers.Cast<Task>().Append(grid))
            {
                try
                {
                    await task;
                }
                catch (UsageException)
                {
                    // said below, once every start has ended and what did start is stopped
                }
            }

            started.AddRange(servers.Where(t => t.IsCompletedSuccessfully).Select(t => t.Result));
            if (grid.IsCompletedSuccessfully)
            {
                started.Add(grid.Result);
            }

            if (servers.Append<Task>(grid).FirstOrDefault(t => t.IsFaulted)?.Exception?.InnerException is UsageException failed)
            {
                throw failed;
            }

            suite.Say(string.Create(CultureInfo.InvariantCulture, $"grid smoke: 2 browser servers and the Grid ({grid.Result.HubUrl}) ready in {clock.Elapsed.TotalSeconds:0.0} s"));
            var remote = new Dictionary<string, string?>(environment)
            {
                ["KYCE2E_Web__WsEndpoint"] = string.Join(',', ports.Select(p => $"ws://127.0.0.1:{p}/kyce2e")),
                ["KYCE2E_Mobile__AppiumUrl"] = grid.Result.HubUrl,
                ["KYCE2E_Run__Id"] = $"{runId}/remote",
            };
            var code = await SectionAsync(new TestInvocation(Repository.Specs, "specs", $"{runId}/remote", "runsettings/ci.runsettings", "Category=smoke", 2, remote), ConsoleForm.Scenarios, verbose);
            suite.Say(string.Create(CultureInfo.InvariantCulture, $"grid smoke: {clock.Elapsed.TotalSeconds:0.0} s in all"));
            return code;
        }
        catch (UsageException e)
        {
            suite.Errors.WriteLine($"e2e: {e.Message}");
            return ExitCodes.Failed;
        }
        finally
        {
            foreach (var engine in started)
            {
                await engine.DisposeAsync();
            }

            Directory.Delete(logs, recursive: true);
        }
    }

    /// <summary>
    /// One section's dotnet test: its whole output in a log under artifacts/&lt;run&gt;/ (console.log for the features,
    /// &lt;name&gt;.console.log for a test project), the console in the quiet form of the section.
    /// </summary>
    private async Task<int> SectionAsync(TestInvocation invocation, ConsoleForm form, bool verbose)
    {
        var log = form == ConsoleForm.Scenarios
            ? SuiteRun.ConsoleLog(suite.Repository, invocation.RunId)
            : Path.Combine(suite.Repository.RunDir(invocation.RunId), invocation.Name + ".console.log");
        var console = suite.Console(form, verbose);
        int code;
        try
        {
            code = await suite.Dotnet.TestAsync(invocation with { LogFile = log, Lines = console.Line }, suite.Interrupted);
        }
        finally
        {
            console.Finish();
        }

        suite.Say($"console output: {Path.GetRelativePath(suite.Repository.Root, log)}");
        return code;
    }

    private async Task<int> DrillAsync(string[] command)
    {
        var start = new ProcessStartInfo(suite.Repository.Path(command[0])) { WorkingDirectory = suite.Repository.Root };
        // Each drill runs ./e2e several times; the solution this ./e2e test built is the one they test.
        start.Environment[Suite.BuiltVariable] = "this ./e2e test built it before its drills";
        foreach (var arg in command.Skip(1))
        {
            start.ArgumentList.Add(arg);
        }

        return await ChildProcesses.RunAsync(start, null, suite.Interrupted);
    }
}

/// <summary>A test project ./e2e test runs: its results are artifacts/&lt;run&gt;/&lt;Name&gt;.trx and .junit.xml.</summary>
public sealed record TestProject(string Name, string Path, string Title)
{
    public static IEnumerable<TestProject> Parse(IEnumerable<string> lines)
    {
        foreach (var line in lines.Where(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('#')))
        {
            var fields = line.Split('\t', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            yield return fields.Length == 3
                ? new TestProject(fields[0], fields[1], fields[2])
                : throw new UsageException($"{SuiteTest.ProjectList}: '{line}' is not name<TAB>project<TAB>title.");
        }
    }
}
